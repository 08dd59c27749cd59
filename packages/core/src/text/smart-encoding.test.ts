import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GSM_LOOKALIKES } from './gsm-lookalikes.js';
import { countSegments } from './segments.js';
import { smartEncode } from './smart-encoding.js';

const GSM_TEXT = fc.string({
  unit: fc.constantFrom(
    ...'@£$¥èéùìòÇØøÅåΔ_ΦΓ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCXYZÄÖÑÜ§¿abcxyzäöñüà^{}\\[~]|€\n',
  ),
  minLength: 1,
  maxLength: 400,
});

describe('smartEncode', () => {
  it('replaces every character of the table with its look-alike, and the text becomes GSM-7', () => {
    let checked = 0;
    for (const group of GSM_LOOKALIKES) {
      for (const codePoint of group.codePoints) {
        const character = String.fromCodePoint(codePoint);
        const result = smartEncode(`a${character}b`);
        expect(result.applied, `${group.name}: U+${codePoint.toString(16)}`).toBe(true);
        expect(result.text).toBe(`a${group.replacement}b`);
        expect(countSegments(result.text).encoding).toBe('GSM-7');
        expect(result.replacements).toEqual([
          { character, replacement: group.replacement, count: 1 },
        ]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('turns full-width ASCII into ASCII', () => {
    expect(smartEncode('ＯＴＰ：１２３４').text).toBe('OTP:1234');
    expect(smartEncode('｀ok｀').text).toBe("'ok'");
  });

  it("sends the issue's 140-character text as one GSM-7 segment instead of three UCS-2 (67 a part)", () => {
    const text = `“Your code is 482913” — don’t share it. ${'x'.repeat(100)}`.slice(0, 140);
    expect(text.length).toBe(140);
    expect(countSegments(text)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    const result = smartEncode(text);
    expect(result.applied).toBe(true);
    expect(result.text.startsWith('"Your code is 482913" - don\'t share it.')).toBe(true);
    expect(countSegments(result.text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('never changes a text that is already GSM-7 (currency signs included)', () => {
    fc.assert(
      fc.property(GSM_TEXT, (text) => {
        const result = smartEncode(text);
        expect(result).toMatchObject({ text, applied: false, keptBecause: 'gsm' });
      }),
      { numRuns: 500 },
    );
    expect(smartEncode('Pay €5, £4, $3 or ¥2').text).toBe('Pay €5, £4, $3 or ¥2');
  });

  it('is all or nothing: a character without a look-alike keeps the whole text as written', () => {
    for (const text of ['“Hi” 😀', 'Total ₹500 — thanks', '“你好”', 'Ⓒ “x”', 'café… ç']) {
      const result = smartEncode(text);
      expect(result).toMatchObject({ text, applied: false, keptBecause: 'no-lookalike' });
      expect(result.blockedBy.length).toBeGreaterThan(0);
    }
    expect(smartEncode('“Hi” 😀').blockedBy).toEqual(['😀']);
  });

  it('keeps the text when the replacements would cost more segments than UCS-2', () => {
    const text = '…'.repeat(60); // 60 UCS-2 units (1 segment) vs 180 septets (2 segments)
    expect(smartEncode(text)).toMatchObject({ text, applied: false, keptBecause: 'more-segments' });
  });

  it('keeps a fraction after a digit readable as a number', () => {
    expect(smartEncode('3½ kg, ¼ off').text).toBe('3 1/2 kg, 1/4 off');
  });

  it('drops invisible characters but never leaves nothing to send', () => {
    expect(smartEncode('a\u200bb\u00adc\ufeff').text).toBe('abc');
    expect(smartEncode('\u200b\u200b')).toMatchObject({ text: '\u200b\u200b', applied: false });
  });

  it('counts each replaced character, in order of first appearance', () => {
    expect(smartEncode('‘a’ ‘b’ — c').replacements).toEqual([
      { character: '‘', replacement: "'", count: 2 },
      { character: '’', replacement: "'", count: 2 },
      { character: '—', replacement: '-', count: 1 },
    ]);
  });

  it('when applied, gives GSM-7 text of no more segments, whatever the mix', () => {
    const lookalikes = GSM_LOOKALIKES.flatMap((g) =>
      g.codePoints.map((c) => String.fromCodePoint(c)),
    );
    const mixed = fc.string({
      unit: fc.oneof(fc.constantFrom(...lookalikes), fc.constantFrom(...'ab 1\n€{')),
      minLength: 1,
      maxLength: 300,
    });
    fc.assert(
      fc.property(mixed, (text) => {
        const result = smartEncode(text);
        if (!result.applied) return;
        const after = countSegments(result.text);
        expect(after.encoding).toBe('GSM-7');
        expect(after.segments).toBeLessThanOrEqual(countSegments(text).segments);
      }),
      { numRuns: 500 },
    );
  });
});
