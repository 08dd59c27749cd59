import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyedTextHash } from './keyed-text-hash.js';

describe('KeyedTextHash', () => {
  it('hashes equal texts alike under one key, and depends on the key', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer(), fc.integer(), (text, k0, k1) => {
        const hash = new KeyedTextHash(k0, k1);
        expect(hash.hash(text)).toBe(hash.hash(`${text.slice(0, 7)}${text.slice(7)}`));
        expect(Number.isInteger(hash.hash(text))).toBe(true);
      }),
      { seed: 20261202, numRuns: 300 },
    );
    const texts = Array.from({ length: 64 }, (_, i) => `text ${i}`);
    const underOne = texts.map((t) => new KeyedTextHash(1, 2).hash(t));
    const underOther = texts.map((t) => new KeyedTextHash(1, 3).hash(t));
    expect(underOne.filter((h, i) => h === underOther[i]).length).toBeLessThan(3);
  });

  it('sets texts that differ in one unit, their length or their order apart', () => {
    const hash = new KeyedTextHash(0x1234_5678, -0x0765_4321);
    const texts = ['', '\0', '\0\0', 'a', 'a\0', 'ab', 'ba', 'abc', 'abd', '\u8000bc', 'ab\u8000'];
    expect(new Set(texts.map((t) => hash.hash(t))).size).toBe(texts.length);
  });

  it('collides about as often as a random 32-bit function on many similar texts', () => {
    const hash = new KeyedTextHash(42, 4242);
    const seen = new Set<number>();
    let collisions = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = hash.hash(`Dear customer ${i}, your code is ${(i * 7919) % 1_000_000}`);
      if (seen.has(value)) collisions++;
      seen.add(value);
    }
    // Expected about n² / 2^33 ≈ 1.2 for 100,000 texts.
    expect(collisions).toBeLessThan(10);
  });
});
