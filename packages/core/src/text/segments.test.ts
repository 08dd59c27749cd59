import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { countSegments } from './segments.js';

const a = (n: number) => 'a'.repeat(n);

/** Tricky texts with their expected encoding and segments under the contract's rules. */
const TABLE: [name: string, text: string, encoding: 'GSM-7' | 'UCS-2', segments: number][] = [
  ['empty', '', 'GSM-7', 1],
  ['one char', 'a', 'GSM-7', 1],
  ['GSM 160', a(160), 'GSM-7', 1],
  ['GSM 161', a(161), 'GSM-7', 2],
  ['GSM 306 (2 × 153)', a(306), 'GSM-7', 2],
  ['GSM 307', a(307), 'GSM-7', 3],
  ['GSM 459 (3 × 153)', a(459), 'GSM-7', 3],
  ['GSM 460', a(460), 'GSM-7', 4],
  ['80 euro signs = 160 septets', '€'.repeat(80), 'GSM-7', 1],
  ['81 euro signs', '€'.repeat(81), 'GSM-7', 2],
  ['159 + one extension char', `${a(159)}{`, 'GSM-7', 2],
  ['158 + one extension char', `${a(158)}{`, 'GSM-7', 1],
  ['escape pair not split at 153', `${a(152)}€${a(8)}`, 'GSM-7', 2],
  ['escape pair pushed to next part', `${a(152)}€${a(153)}`, 'GSM-7', 3],
  ['all extension chars', '^{}\\[~]|€\f', 'GSM-7', 1],
  ['braces message', `Hello {name}, your code is [1234] ~ thanks | bye`, 'GSM-7', 1],
  ['GSM accents', 'àèéìòùÄÖÑÜäöñüÉÇ', 'GSM-7', 1],
  ['Greek capitals in GSM', 'ΔΦΓΛΩΠΨΣΘΞ', 'GSM-7', 1],
  ['newline and CR', 'line1\nline2\rline3', 'GSM-7', 1],
  ['GSM 153 × 2 with extension at end', `${a(305)}€`, 'GSM-7', 3],
  ['UCS-2 70', '你'.repeat(70), 'UCS-2', 1],
  ['UCS-2 71', '你'.repeat(71), 'UCS-2', 2],
  ['UCS-2 134 (2 × 67)', '你'.repeat(134), 'UCS-2', 2],
  ['UCS-2 135', '你'.repeat(135), 'UCS-2', 3],
  ['one CJK forces UCS-2', `${a(69)}你`, 'UCS-2', 1],
  ['one CJK in long text', `${a(70)}你`, 'UCS-2', 2],
  ['emoji 35 = 70 units', '😀'.repeat(35), 'UCS-2', 1],
  ['emoji 36', '😀'.repeat(36), 'UCS-2', 2],
  ['surrogate pair not split at 67', `${a(66)}😀${a(4)}`, 'UCS-2', 2],
  ['surrogate pushed whole', `${a(66)}😀${'b'.repeat(66)}`, 'UCS-2', 3],
  ['emoji with text', 'Your order shipped 📦 track it here', 'UCS-2', 1],
  ['mixed CJK and Latin', 'Code 1234 验证码 5678', 'UCS-2', 1],
  ['Arabic', 'مرحبا بك في خدمتنا', 'UCS-2', 1],
  ['Cyrillic', 'Ваш код подтверждения: 4242', 'UCS-2', 1],
  ['Thai', 'รหัสของคุณคือ 4242', 'UCS-2', 1],
  ['Hindi', 'आपका कोड 4242 है', 'UCS-2', 1],
  ['curly quotes are not GSM', '“quoted”', 'UCS-2', 1],
  ['lowercase ç is not GSM', 'façade', 'UCS-2', 1],
  ['flag emoji (two pairs)', '🇵🇭'.repeat(17), 'UCS-2', 1],
  ['flag emoji 18 = 72 units', '🇵🇭'.repeat(18), 'UCS-2', 2],
  ['ZWJ family emoji', '👨‍👩‍👧'.repeat(5), 'UCS-2', 1],
  ['tab is not GSM', 'a\tb', 'UCS-2', 1],
];

describe('countSegments', () => {
  it.each(TABLE)('%s', (_name, text, encoding, segments) => {
    expect(countSegments(text)).toMatchObject({ encoding, segments });
  });

  it('agrees with sms-segments-calculator on the whole table', () => {
    for (const [name, text] of TABLE) {
      if (text === '') continue;
      const reference = new SegmentedMessage(text);
      const ours = countSegments(text);
      expect({ name, encoding: ours.encoding, segments: ours.segments }).toEqual({
        name,
        encoding: reference.encodingName,
        segments: reference.segmentsCount,
      });
    }
  });

  it('lists the characters that forced UCS-2, once each', () => {
    expect(countSegments('Hi 你好 😀 你').nonGsmCharacters).toEqual(['你', '好', '😀']);
    expect(countSegments('plain text').nonGsmCharacters).toEqual([]);
  });

  it('says how many units are left in the last segment', () => {
    expect(countSegments(a(150)).remainingInLastSegment).toBe(10);
    expect(countSegments(a(161)).remainingInLastSegment).toBe(145);
    expect(countSegments('你'.repeat(68)).remainingInLastSegment).toBe(2);
    expect(countSegments(`${a(152)}€${a(8)}`)).toMatchObject({
      units: 162,
      remainingInLastSegment: 143,
    });
  });
});
