import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from './verify-password.js';

describe('verifyPassword', () => {
  it('says equal exactly when the strings are equal', () => {
    const password = fc.oneof(
      fc.string({ maxLength: 210 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('demo-password', 'demo-passwor', 'demo-password\u0000', ''),
    );
    fc.assert(
      fc.property(password, password, (a, b) => {
        expect(verifyPassword(a, b)).toBe(a === b);
        expect(verifyPassword(a, a)).toBe(true);
      }),
      { numRuns: 2_000, seed: 20261202 },
    );
  });

  it('compares past 200 characters and tells a padded string from a shorter one', () => {
    const long = 'x'.repeat(250);
    expect(verifyPassword(long, long)).toBe(true);
    expect(verifyPassword(long, `${'x'.repeat(249)}y`)).toBe(false);
    expect(verifyPassword(`${long}z`, long)).toBe(false);
    expect(verifyPassword('abc', 'abc\u0000')).toBe(false);
  });
});
