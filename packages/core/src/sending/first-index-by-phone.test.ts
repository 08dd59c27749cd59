import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstIndexByPhone } from './first-index-by-phone.js';

/** Wire numbers, near-duplicates and what the table must hand to its Map. */
const phone = fc.oneof(
  fc.bigInt({ min: 1n, max: 999_999_999_999_999n }).map(String),
  fc.constantFrom('639171234567', '639171234568', '63917123456', '6391712345670'),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 20n }).map(String), // too long to be exact
  fc.constantFrom('', '0', '0639171234567', '63917x234567', '+639171234567', '٣٩١'),
);

describe('FirstIndexByPhone', () => {
  it('answers like a Map of phone → first index, whatever the numbers and the size given', () => {
    fc.assert(
      fc.property(
        fc.array(phone, { maxLength: 2000 }),
        fc.integer({ min: 0, max: 64 }),
        fc.record({ maxProbes: fc.constantFrom(0, 1, 3, 64) }),
        (phones, sizedFor, tuning) => {
          const table = new FirstIndexByPhone(sizedFor, tuning);
          const model = new Map<string, number>();
          phones.forEach((p, index) => {
            const expected = model.get(p) ?? index;
            model.set(p, expected);
            expect(table.firstIndex(p, index)).toBe(expected);
          });
        },
      ),
      { seed: 20261202, numRuns: 200 },
    );
  });

  it('keeps 15-digit numbers that differ in one digit apart, and 16-digit ones a double would merge', () => {
    const table = new FirstIndexByPhone(4);
    expect(table.firstIndex('999999999999998', 0)).toBe(0);
    expect(table.firstIndex('999999999999999', 1)).toBe(1);
    // 2^53 + 1 reads as 2^53 as a double: the Map keeps them apart.
    expect(table.firstIndex('9007199254740992', 2)).toBe(2);
    expect(table.firstIndex('9007199254740993', 3)).toBe(3);
    expect(table.firstIndex('9007199254740993', 4)).toBe(3);
    expect(table.firstIndex('999999999999999', 5)).toBe(1);
  });

  it('hands every number to a Map when crafted numbers land together, answering the same', () => {
    // Numbers whose slots, in a table made for 2,048, all fall in the first 64 of its
    // 4,096: found by trying, as someone slowing a sender down would.
    const slotOf = (digits: string) => {
      const value = Number(digits);
      const high = Math.imul((value / 0x1_0000_0000) | 0, 0x85eb_ca6b);
      return Math.imul((value | 0) ^ high, 0x9e37_79b1) >>> 20;
    };
    const crafted: string[] = [];
    for (let n = 0; crafted.length < 2_000; n++) {
      const digits = `63917${String(n).padStart(7, '0')}`;
      if (slotOf(digits) < 64) crafted.push(digits);
    }
    const attacked = new FirstIndexByPhone(2_048);
    const model = new Map<string, number>();
    for (const [index, digits] of [...crafted, ...crafted].entries()) {
      const expected = model.get(digits) ?? index;
      model.set(digits, expected);
      expect(attacked.firstIndex(digits, index)).toBe(expected);
    }
    expect(attacked.mapOnly).toBe(true);
    // Real numbers, as many, stay in the table.
    const real = new FirstIndexByPhone(2_048);
    for (let i = 0; i < 2_000; i++) real.firstIndex(String(639_171_234_567 + i * 7_919), i);
    expect(real.mapOnly).toBe(false);
  });

  it('holds a million distinct numbers made for fewer (it grows)', () => {
    const table = new FirstIndexByPhone(10);
    for (let i = 0; i < 1_000_000; i++) table.firstIndex(String(639_170_000_000 + i), i);
    expect(table.firstIndex('639170000000', 7)).toBe(0);
    expect(table.firstIndex('639170999999', 7)).toBe(999_999);
    expect(table.firstIndex('639171000000', 1_000_000)).toBe(1_000_000);
  });
});
