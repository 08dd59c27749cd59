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
        (phones, sizedFor) => {
          const table = new FirstIndexByPhone(sizedFor);
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

  it('holds a million distinct numbers made for fewer (it grows)', () => {
    const table = new FirstIndexByPhone(10);
    for (let i = 0; i < 1_000_000; i++) table.firstIndex(String(639_170_000_000 + i), i);
    expect(table.firstIndex('639170000000', 7)).toBe(0);
    expect(table.firstIndex('639170999999', 7)).toBe(999_999);
    expect(table.firstIndex('639171000000', 1_000_000)).toBe(1_000_000);
  });
});
