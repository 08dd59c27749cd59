import { describe, expect, it } from 'vitest';
import { countSegments } from './segments.js';

describe('mock segment counting (contract rules)', () => {
  it.each([
    ['', 'GSM-7', 1],
    ['a'.repeat(160), 'GSM-7', 1],
    ['a'.repeat(161), 'GSM-7', 2],
    ['a'.repeat(306), 'GSM-7', 2],
    ['a'.repeat(307), 'GSM-7', 3],
    ['€'.repeat(80), 'GSM-7', 1],
    ['€'.repeat(81), 'GSM-7', 2],
    [`${'a'.repeat(152)}€`, 'GSM-7', 1],
    [`${'a'.repeat(152)}€${'a'.repeat(8)}`, 'GSM-7', 2],
    ['你'.repeat(70), 'UCS-2', 1],
    ['你'.repeat(71), 'UCS-2', 2],
    ['你'.repeat(134), 'UCS-2', 2],
    ['你'.repeat(135), 'UCS-2', 3],
    ['😀'.repeat(35), 'UCS-2', 1],
    ['😀'.repeat(36), 'UCS-2', 2],
    [`${'a'.repeat(66)}😀`, 'UCS-2', 1],
    [`${'a'.repeat(66)}😀${'a'.repeat(4)}`, 'UCS-2', 2],
  ])('%j is %s in %i segment(s)', (text, encoding, segments) => {
    expect(countSegments(text)).toMatchObject({ encoding, segments });
  });

  it('never splits a surrogate pair across parts', () => {
    // 66 units, then an emoji that would straddle the 67-unit boundary: it moves whole.
    const text = `${'a'.repeat(66)}😀${'b'.repeat(66)}`;
    expect(countSegments(text)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
  });
});
