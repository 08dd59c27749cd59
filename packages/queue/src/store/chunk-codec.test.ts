import { describe, expect, it } from 'vitest';
import { decodeIndices, decodePhones, encodeIndices, encodePhones } from './chunk-codec.js';

describe('chunk storage encoding', () => {
  it('round-trips positions, compressing evenly spaced runs', () => {
    const cases = [
      [],
      [7],
      [0, 1],
      Array.from({ length: 10_000 }, (_, i) => i),
      Array.from({ length: 2_000 }, (_, i) => 3 + 5 * i),
      [0, 1, 2, 10, 11, 40, 42, 44, 46, 100],
    ];
    for (const indices of cases) expect(decodeIndices(encodeIndices(indices))).toEqual(indices);
    expect(encodeIndices(Array.from({ length: 10_000 }, (_, i) => i))).toBe('0+1*10000');
    expect(encodeIndices([0, 1, 2, 10, 11, 40, 42, 44, 46, 100])).toBe('0+1*3,10,11,40+2*4,100');
  });

  it('round-trips numbers, and reads the JSON arrays of earlier versions', () => {
    const phones = ['639170000005', '447400123456'];
    expect(decodePhones(encodePhones(phones))).toEqual(phones);
    expect(decodePhones(JSON.stringify(phones))).toEqual(phones);
    expect(decodeIndices('[4,9]')).toEqual([4, 9]);
    expect(decodePhones('')).toEqual([]);
  });
});
