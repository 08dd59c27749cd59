import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenMessages } from './seen-messages.js';

describe('SeenMessages', () => {
  it('answers like a Map of (number, text) → first index, through every growth', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            phone: fc.bigInt({ min: 100_000n, max: 999_999_999_999_999n }).map(String),
            text: fc.constantFrom('a', 'b', 'ünïcode', ''),
          }),
          { maxLength: 3000 },
        ),
        fc.integer({ min: 1, max: 64 }),
        (entries, capacity) => {
          const seen = new SeenMessages(capacity);
          const model = new Map<string, number>();
          entries.forEach(({ phone, text }, index) => {
            const key = `${phone}\u0000${text}`;
            const expected = model.get(key) ?? index;
            model.set(key, expected);
            expect(seen.firstIndex(phone, text, index)).toBe(expected);
          });
          expect(seen.size).toBe(model.size);
        },
      ),
      { seed: 20261202, numRuns: 60 },
    );
  });

  it('holds a million distinct numbers in typed arrays', () => {
    const seen = new SeenMessages();
    for (let i = 0; i < 1_000_000; i++) seen.firstIndex(String(639_170_000_000 + i), 'x', i);
    expect(seen.size).toBe(1_000_000);
    expect(seen.firstIndex('639170000000', 'x', 5)).toBe(0);
    expect(seen.firstIndex('639170000000', 'y', 5)).toBe(5);
  });
});
