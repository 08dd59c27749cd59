import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mix32, SeenMessages } from './seen-messages.js';

/** The multiplicative inverse of an odd number modulo 2^32 (Newton's iteration). */
function inverse(odd: number): number {
  let x = odd;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(odd, x));
  return x;
}

const FNV_PRIME = 0x0100_0193;
const FNV_OFFSET = 0x811c_9dc5 | 0;

/** A text of three UTF-16 units whose FNV-1a hash (as `SeenMessages` hashes texts) is `target`. */
function textWithHash(target: number): string {
  const unPrime = inverse(FNV_PRIME);
  for (let third = 0; third < 0x1_0000; third++) {
    const beforeThird = Math.imul(target, unPrime) ^ third;
    for (let second = 0; second < 64; second++) {
      const beforeSecond = Math.imul(beforeThird, unPrime) ^ second;
      const first = Math.imul(beforeSecond, unPrime) ^ FNV_OFFSET;
      if (first >>> 0 < 0x1_0000) return String.fromCharCode(first, second, third);
    }
  }
  throw new Error(`no three-unit text hashes to ${target}`);
}

/** FNV-1a over UTF-16 units from the standard basis (what `SeenMessages` computes with seed 0). */
function fnv(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The inverse of `mix32`, as an attacker who knows the seed would use it. */
function unmix32(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, inverse(0xc2b2_ae35));
  h ^= (h >>> 13) ^ (h >>> 26);
  h = Math.imul(h, inverse(0x85eb_ca6b));
  return h ^ (h >>> 16);
}

describe('SeenMessages', () => {
  it('answers like a Map of (number, text) → first index, through every growth, whatever the seed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            phone: fc.oneof(
              fc.bigInt({ min: 100_000n, max: 999_999_999_999_999n }).map(String),
              // A small pool, so numbers come back (after growths, after a second text).
              fc.nat({ max: 300 }).map((i) => String(639_170_000_000 + i)),
              // What the table cannot hold exactly: longer than 15 digits (a double would
              // merge neighbours), a leading zero, not digits, empty.
              fc.bigInt({ min: 10n ** 15n, max: 10n ** 19n }).map(String),
              fc.constantFrom('9007199254740992', '9007199254740993', '0639171234567'),
              fc.constantFrom('639171234567', '', '+639171234567', '٣٩١', '0'),
            ),
            text: fc.constantFrom('a', 'b', 'ünïcode', ''),
          }),
          { maxLength: 3000, size: 'max' },
        ),
        fc.integer({ min: 1, max: 64 }),
        fc.integer(),
        // The first rows share one text (the table keeps no text hashes then), through
        // growths, until the first row with another.
        fc.nat({ max: 3000 }),
        (entries, capacity, seed, oneTextRows) => {
          const seen = new SeenMessages(capacity, { seed });
          const model = new Map<string, number>();
          entries.forEach(({ phone, text: drawn }, index) => {
            const text = index < oneTextRows ? 'b' : drawn;
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

  it('keeps probes short for numbers chosen to land together without the seed', () => {
    // Numbers whose slot is the same at every table size when the seed is 0: a different
    // high part each, the low part chosen (through the mixer's inverse) to cancel it out.
    const crafted = Array.from({ length: 4000 }, (_, i) => {
      const high = i + 1;
      const low = unmix32(unmix32(0x1234_5678) ^ high) >>> 0;
      return String(high * 0x1_0000_0000 + low);
    });
    const insertAll = (seen: SeenMessages) => {
      for (const [index, phone] of crafted.entries())
        expect(seen.firstIndex(phone, '', index)).toBe(index);
      expect(seen.size).toBe(crafted.length);
      return seen.probes;
    };
    // Unseeded, each number probes past all before it: the attack is real.
    expect(insertAll(new SeenMessages(1024, { seed: 0 }))).toBeGreaterThan(crafted.length ** 2 / 4);
    // With the seed drawn per table, they spread like any numbers.
    for (let run = 0; run < 5; run++)
      expect(insertAll(new SeenMessages())).toBeLessThan(crafted.length * 4);
  });

  it('keeps texts chosen to collide under an unkeyed hash apart', () => {
    const bait =
      'Your Acme verification code is 482913. It expires in 10 minutes. Never share this code with anyone, including Acme staff. If you did not request it, ignore this message or call support on the number printed on the back of your card.';
    // Two ways to write a text of FNV-1a's hash without knowing any key: solving for three
    // units (unkeyed), and flipping bit 15 of four units 64 apart (collides for about one
    // FNV start in eight, so a secret start alone did not stop it).
    const chosen = textWithHash(fnv(bait));
    expect(fnv(chosen)).toBe(fnv(bait));
    const flipped = (at: number) =>
      [...bait]
        .map((unit, k) =>
          [at, at + 64, at + 128, at + 192].includes(k)
            ? String.fromCharCode(unit.charCodeAt(0) ^ 0x8000)
            : unit,
        )
        .join('');
    for (let table = 0; table < 200; table++) {
      const seen = new SeenMessages();
      expect(seen.firstIndex('639171234567', chosen, 0)).toBe(0);
      for (let at = 0; at < 10; at++)
        expect(seen.firstIndex('639171234567', flipped(at), at + 1)).toBe(at + 1);
      expect(seen.firstIndex('639171234567', bait, 11)).toBe(11);
      // Equal texts are still one message.
      expect(seen.firstIndex('639171234567', `${bait.slice(0, 40)}${bait.slice(40)}`, 12)).toBe(11);
    }
  });

  it('starts with room for at least 16 whatever capacity is asked for', () => {
    for (const capacity of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const seen = new SeenMessages(capacity);
      for (let i = 0; i < 100; i++)
        expect(seen.firstIndex(String(639_170_000_000 + i), 'x', i)).toBe(i);
      expect(seen.firstIndex('639170000000', 'x', 100)).toBe(0);
    }
  });

  it('mixes with a bijection (its inverse undoes it)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (value) => {
        expect(unmix32(mix32(value))).toBe(value);
      }),
    );
  });

  it('keeps the messages of the first text once a second text comes, through growths', () => {
    const seen = new SeenMessages(16, { seed: 7 });
    for (let i = 0; i < 5_000; i++) seen.firstIndex(String(639_170_000_000 + i), 'first', i);
    expect(seen.firstIndex('639170000042', 'second', 5_000)).toBe(5_000);
    for (let i = 0; i < 5_000; i++)
      expect(seen.firstIndex(String(639_170_000_000 + i), 'first', 9_000 + i)).toBe(i);
    for (let i = 5_000; i < 10_000; i++) seen.firstIndex(String(639_170_000_000 + i), 'first', i);
    expect(seen.firstIndex('639170000042', 'second', 20_000)).toBe(5_000);
    expect(seen.firstIndex('639170009999', 'first', 20_000)).toBe(9_999);
    expect(seen.size).toBe(10_001);
  });

  it('holds a million distinct numbers in typed arrays', () => {
    const seen = new SeenMessages();
    for (let i = 0; i < 1_000_000; i++) seen.firstIndex(String(639_170_000_000 + i), 'x', i);
    expect(seen.size).toBe(1_000_000);
    expect(seen.firstIndex('639170000000', 'x', 5)).toBe(0);
    expect(seen.firstIndex('639170000000', 'y', 5)).toBe(5);
  });
});
