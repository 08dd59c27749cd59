import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/validation-error.js';
import { checkWirePhones } from './sjroom-inputs.js';

/** The wire form as the contract words it: 6–15 digits, country code first. */
const WIRE_PHONE = /^[1-9]\d{5,14}$/;

/** Strings near the wire form's edges: lengths 4–17, leading zeros, `+`, other digits. */
const nearWire = fc.oneof(
  fc.stringMatching(/^\d{4,17}$/),
  fc.stringMatching(/^[+0-9 ]{0,17}$/),
  fc.constantFrom(
    '',
    '639171234567',
    '+639171234567',
    '0639171234567',
    '٣٩١٧١٢٣٤٥٦',
    '６３９１７１２３',
  ),
  fc.string({ maxLength: 17 }),
);

/** The field a check blamed, or `undefined` when it passed. */
function blamed(phones: unknown): string | undefined {
  try {
    checkWirePhones(phones);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).field;
  }
}

describe('checkWirePhones', () => {
  it('takes exactly what the wire pattern takes, and names the first number it refuses', () => {
    fc.assert(
      fc.property(fc.array(nearWire, { minLength: 1, maxLength: 20 }), (phones) => {
        const first = phones.findIndex((phone) => !WIRE_PHONE.test(phone));
        expect(blamed(phones)).toBe(first === -1 ? undefined : `phones[${first}]`);
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });

  it('returns the values it checked, read once, whatever the array does when read again', () => {
    let reads = 0;
    const shifty = ['639171234567', '639171234568'];
    Object.defineProperty(shifty, 1, {
      get: () => (reads++ === 0 ? '639171234568' : '1","password":"x'),
      enumerable: true,
    });
    const checked = checkWirePhones(shifty);
    expect(checked).toEqual(['639171234567', '639171234568']);
    expect(checked).not.toBe(shifty);
    expect(checked.join(',')).toBe('639171234567,639171234568');
  });

  it('reads the length once: the size checked is the size copied', () => {
    let reads = 0;
    const growing = new Proxy(['639171234567'], {
      get: (target, key, receiver) =>
        key === 'length' ? (reads++ < 2 ? 1 : 12_000) : Reflect.get(target, key, receiver),
    });
    expect(checkWirePhones(growing)).toEqual(['639171234567']);
    expect(reads).toBe(1);
  });

  it('refuses an array-like whose length is not a whole number', () => {
    for (const length of ['1', -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '639171234567']) {
      const lying = new Proxy(['639171234567'], {
        get: (target, key, receiver) =>
          key === 'length' ? length : Reflect.get(target, key, receiver),
      });
      expect(blamed(lying), String(length)).toBe('phones');
    }
  });

  it('refuses a hole of a sparse array and a value that is not a string', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case under test
    expect(blamed(['639171234567', , '639171234568'])).toBe('phones[1]');
    expect(blamed(['639171234567', 639171234568])).toBe('phones[1]');
    expect(blamed([])).toBe('phones');
    expect(blamed('639171234567')).toBe('phones');
  });
});
