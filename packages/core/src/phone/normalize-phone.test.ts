import { beforeAll, describe, expect, it } from 'vitest';
import { loadPhoneNormalizer, type PhoneCheck } from './normalize-phone.js';

let normalize: Awaited<ReturnType<typeof loadPhoneNormalizer>>;
beforeAll(async () => {
  normalize = await loadPhoneNormalizer();
});

const wire = (check: PhoneCheck) => (check.ok ? check.value.phone : `invalid: ${check.reason}`);

describe('phone normalisation', () => {
  it.each([
    ['+639171234567', '639171234567'],
    ['+63 917 123 4567', '639171234567'],
    ['+63-917-123-4567', '639171234567'],
    ['(+63) 917.123.4567', '639171234567'],
    ['0063 917 123 4567', '639171234567'],
    ['639171234567', '639171234567'],
    ['+44 7400 123456', '447400123456'],
    ['+1 (202) 555-0123', '12025550123'],
    ['+86 138 0013 8000', '8613800138000'],
  ])('%s → %s', (input, expected) => {
    expect(wire(normalize(input))).toBe(expected);
  });

  it('reads national numbers with defaultCountry', () => {
    expect(wire(normalize('0917 123 4567', { defaultCountry: 'PH' }))).toBe('639171234567');
    expect(wire(normalize('07400 123456', { defaultCountry: 'gb' }))).toBe('447400123456');
    expect(wire(normalize('639171234567', { defaultCountry: 'PH' }))).toBe('639171234567');
  });

  it('reports the country and calling code', () => {
    expect(normalize('+14165550123')).toMatchObject({
      ok: true,
      value: { country: 'CA', callingCode: '1', e164: '+14165550123' },
    });
  });

  it.each([
    ['', 'empty'],
    ['hello', 'contains characters other than digits'],
    ['0917 123 4567', 'national number: give defaultCountry or a + prefix'],
    ['+999 1234 5678', 'unknown country calling code'],
    ['+63 917', 'too short'],
    ['+44 7700 900123', 'not a valid number for its country'],
  ])('rejects %j: %s', (input, reason) => {
    expect(normalize(input)).toEqual({ ok: false, input, reason });
  });

  it('rejects numbers longer than E.164 allows, which the metadata may call valid', async () => {
    const full = await loadPhoneNormalizer(false);
    const reason = 'too long: E.164 numbers have at most 15 digits';
    for (const read of [normalize, full])
      for (const input of ['+49212345678901234', '+4921234567890123', '0049 2123 4567 8901 23'])
        for (const options of [{}, { validation: 'possible' as const }, { defaultCountry: 'DE' }])
          expect(read(input, options), `${input} ${JSON.stringify(options)}`).toEqual({
            ok: false,
            input,
            reason,
          });
    // A national number whose reading in the default country is too long is refused, not
    // read again as the number of another country (`+30…`, Greece, for these digits).
    for (const read of [normalize, full])
      expect(read('30863644935996', { defaultCountry: 'DE' })).toEqual({
        ok: false,
        input: '30863644935996',
        reason,
      });
    // 15 digits is the longest taken.
    expect(wire(normalize('+492123456789012'))).toBe('492123456789012');
  });

  it('accepts merely possible numbers with validation: possible', () => {
    expect(wire(normalize('+44 7700 900123', { validation: 'possible' }))).toBe('447700900123');
  });

  it('rejects an unknown defaultCountry and non-strings with a reason', () => {
    expect(normalize('0917', { defaultCountry: 'XX' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('XX'),
    });
    expect(normalize(639171234567)).toMatchObject({ ok: false, reason: 'not a string' });
  });
});
