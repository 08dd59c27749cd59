import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { type CountryCode, getCountryCallingCode, Metadata } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { loadPhoneNormalizer } from './normalize-phone.js';
import { cachedPlanCount, fastInternational } from './phone-plans.js';

/** Every way a caller may write an example number, and near misses of it. */
function variants(country: string, national: string): string[] {
  const code = getCountryCallingCode(country as CountryCode);
  const e164 = `+${code}${national}`;
  return [
    e164,
    `00${code}${national}`,
    `${code}${national}`,
    `+${code} ${national.slice(0, 3)} ${national.slice(3)}`,
    `+${code}0${national}`, // a national prefix left in
    `+${code}90${national}`, // Brazil's other national prefix (a carrier code follows it)
    `+${code}${national.slice(0, -1)}`, // one digit short
    `+${code}${national}1`, // one digit long
    `+${code}${national.slice(0, -2)}`,
    `+${code}9${national.slice(1)}`,
    `+${code}1${national.slice(1)}`,
  ];
}

describe('the phone fast path', () => {
  it('gives the full parse’s answer for every libphonenumber example number and near miss', async () => {
    const fast = await loadPhoneNormalizer();
    const full = await loadPhoneNormalizer(false);
    const entries = Object.entries(examples as Record<string, string>);
    expect(entries.length).toBeGreaterThan(200);
    let compared = 0;
    let decidedValid = 0;
    let decidedFast = 0;
    for (const [country, national] of entries) {
      const code = getCountryCallingCode(country as CountryCode);
      if (fastInternational(Metadata, `${code}${national}`)) decidedFast++;
      for (const input of variants(country, national)) {
        for (const options of [
          {},
          { defaultCountry: country },
          { validation: 'possible' as const },
        ]) {
          const expected = full(input, options);
          expect(fast(input, options), `${input} ${JSON.stringify(options)}`).toEqual(expected);
          compared++;
          if (expected.ok) decidedValid++;
        }
      }
    }
    // The comparison covered valid numbers as well as rejected ones.
    expect(compared).toBe(entries.length * 33);
    expect(decidedValid).toBeGreaterThan(entries.length * 3);
    // …and the fast path decided most example numbers by itself (all but shared codes).
    expect(decidedFast).toBeGreaterThan(entries.length * 0.6);
  });

  it('gives the full parse’s answer for any `+digits` text, whatever the default country', async () => {
    const fast = await loadPhoneNormalizer();
    const full = await loadPhoneNormalizer(false);
    const codes = ['1', '7', '20', '44', '55', '63', '86', '234', '353', '380', '971', '999', '0'];
    const text = fc.oneof(
      fc
        .tuple(fc.constantFrom(...codes), fc.stringMatching(/^\d{0,16}$/))
        .map(([c, n]) => `+${c}${n}`),
      fc.stringMatching(/^\+?\d{0,18}$/),
      // `+` and digits with something else among them: separators, other digits, letters.
      fc
        .tuple(
          fc.constantFrom(...codes).map((c) => `+${c}`),
          fc.stringMatching(/^\d{0,12}$/),
          fc.constantFrom(' ', '-', '(', '.', '\u00a0', '٣', '６', 'x', '+', '\n', ''),
          fc.stringMatching(/^\d{0,12}$/),
        )
        .map((parts) => parts.join('')),
      fc.string({ maxLength: 16 }).map((rest) => `+${rest}`),
    );
    const options = fc.constantFrom(
      {},
      { defaultCountry: 'PH' },
      { defaultCountry: 'ph' },
      { defaultCountry: 'ZZ' },
      { defaultCountry: '' },
      { validation: 'possible' as const },
      { validation: 'valid' as const, defaultCountry: 'GB' },
    );
    fc.assert(
      fc.property(text, options, (input, opts) => {
        expect(fast(input, opts), `${input} ${JSON.stringify(opts)}`).toEqual(full(input, opts));
      }),
      { seed: 20261202, numRuns: 20_000 },
    );
  });

  it('caches plans for digit calling codes only, whatever text follows `+`', async () => {
    const fast = await loadPhoneNormalizer();
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (rest) => {
        fast(`+${rest}`, {});
      }),
      { seed: 20261202, numRuns: 5_000 },
    );
    for (let code = 0; code < 1_000; code++) fast(`+${code}12345678`, {});
    expect(cachedPlanCount()).toBeLessThanOrEqual(1_110);
  });

  it('is generated from the installed metadata (the committed file is not stale)', () => {
    const script = fileURLToPath(new URL('../../scripts/generate-phone-plans.js', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'])).not.toThrow();
  });
});
