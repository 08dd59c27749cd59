/** One family of characters that smart encoding replaces with the same GSM-7 text. */
export interface LookalikeGroup {
  /** What the characters are, for documentation and error messages. */
  readonly name: string;
  /** The characters replaced, as their Unicode code points. */
  readonly codePoints: readonly number[];
  /** The GSM-7 text each one becomes (empty for invisible characters, which are dropped). */
  readonly replacement: string;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The characters with a GSM-7 look-alike, by family. Built from the Unicode code charts
 * (General Punctuation U+2000–U+206F, Latin-1 Supplement, Halfwidth and Fullwidth Forms,
 * Number Forms) and the substitutions SMS gateways document for their "smart" or
 * "automatic" encoding (curly quotes → straight, dashes → `-`, `…` → `...`, Unicode
 * spaces → space). Only typography is here: letters, currency signs and symbols that
 * carry meaning (`₹`, `©`, `→`, emoji) have no entry and keep a text UCS-2.
 * Full-width ASCII is in {@link fullWidthLookalike}.
 */
export const GSM_LOOKALIKES: readonly LookalikeGroup[] = [
  {
    name: 'single quotes, apostrophes and primes',
    // ‘ ’ ‚ ‛ ′ ‵ ‹ › ʹ ʻ ʼ ´ `
    codePoints: [
      0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x2039, 0x203a, 0x02b9, 0x02bb, 0x02bc,
      0x00b4, 0x0060,
    ],
    replacement: "'",
  },
  {
    name: 'double quotes, guillemets and double primes',
    // “ ” „ ‟ ″ ‶ « » ʺ
    codePoints: [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0x00ab, 0x00bb, 0x02ba],
    replacement: '"',
  },
  {
    name: 'hyphens, dashes and the minus sign',
    // ‐ ‑ ‒ – — ― ⁃ − ﹘ ﹣
    codePoints: [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0xfe58, 0xfe63],
    replacement: '-',
  },
  { name: 'horizontal ellipsis', codePoints: [0x2026], replacement: '...' },
  { name: 'two-dot leader', codePoints: [0x2025], replacement: '..' },
  { name: 'one-dot leader', codePoints: [0x2024], replacement: '.' },
  {
    name: 'bullets',
    // • ‣ ◦ ∙ ●
    codePoints: [0x2022, 0x2023, 0x25e6, 0x2219, 0x25cf],
    replacement: '-',
  },
  {
    name: 'spaces: tab, no-break, en/em and other widths, narrow, ideographic',
    codePoints: [0x0009, 0x00a0, 0x1680, ...range(0x2000, 0x200a), 0x202f, 0x205f, 0x3000],
    replacement: ' ',
  },
  { name: 'line and paragraph separators', codePoints: [0x2028, 0x2029], replacement: '\n' },
  {
    name: 'invisible: zero-width space, joiners, word joiner, byte-order mark, soft hyphen',
    codePoints: [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad],
    replacement: '',
  },
  { name: 'fraction and division slashes', codePoints: [0x2044, 0x2215], replacement: '/' },
  { name: 'multiplication sign', codePoints: [0x00d7], replacement: 'x' },
  { name: 'broken bar', codePoints: [0x00a6], replacement: '|' },
  { name: 'modifier circumflex', codePoints: [0x02c6], replacement: '^' },
  { name: 'small tilde', codePoints: [0x02dc], replacement: '~' },
  ...(
    [
      [0x00bc, '1/4'],
      [0x00bd, '1/2'],
      [0x00be, '3/4'],
      [0x2150, '1/7'],
      [0x2151, '1/9'],
      [0x2152, '1/10'],
      [0x2153, '1/3'],
      [0x2154, '2/3'],
      [0x2155, '1/5'],
      [0x2156, '2/5'],
      [0x2157, '3/5'],
      [0x2158, '4/5'],
      [0x2159, '1/6'],
      [0x215a, '5/6'],
      [0x215b, '1/8'],
      [0x215c, '3/8'],
      [0x215d, '5/8'],
      [0x215e, '7/8'],
    ] as const
  ).map(([codePoint, replacement]) => ({
    name: `vulgar fraction ${replacement}`,
    codePoints: [codePoint],
    replacement,
  })),
  { name: 'ligature ﬀ', codePoints: [0xfb00], replacement: 'ff' },
  { name: 'ligature ﬁ', codePoints: [0xfb01], replacement: 'fi' },
  { name: 'ligature ﬂ', codePoints: [0xfb02], replacement: 'fl' },
  { name: 'ligature ﬃ', codePoints: [0xfb03], replacement: 'ffi' },
  { name: 'ligature ﬄ', codePoints: [0xfb04], replacement: 'ffl' },
];

/**
 * The ASCII character a full-width form (U+FF01–U+FF5E, as typed with an East Asian
 * keyboard) stands for, or `undefined`; the full-width grave accent becomes `'` (the
 * ASCII grave is not in GSM-7).
 */
export function fullWidthLookalike(codePoint: number): string | undefined {
  if (codePoint < 0xff01 || codePoint > 0xff5e) return undefined;
  if (codePoint === 0xff40) return "'";
  return String.fromCharCode(codePoint - 0xfee0);
}

/** Every replacement of {@link GSM_LOOKALIKES}, by code point. */
export const LOOKALIKE_BY_CODE_POINT: ReadonlyMap<number, string> = new Map(
  GSM_LOOKALIKES.flatMap((group) =>
    group.codePoints.map((codePoint) => [codePoint, group.replacement] as const),
  ),
);
