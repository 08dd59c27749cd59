import { countSegments } from './segments.js';

/**
 * The mock's own table of characters with a GSM-7 look-alike (code point → GSM-7 text),
 * written from the same public facts as the client's smart encoding (the Unicode code
 * charts and the substitutions SMS gateways document: curly quotes, dashes, `…`, Unicode
 * spaces, bullets, fractions, ligatures, full-width ASCII). Kept apart from
 * `@intl-sms/core` on purpose: the mock is the oracle the client is checked against;
 * `lookalikes.test.ts` checks that both tables agree.
 */
const GROUPS: readonly (readonly [string, readonly number[]])[] = [
  [
    "'",
    [
      0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x2039, 0x203a, 0x02b9, 0x02bb, 0x02bc,
      0x00b4, 0x0060,
    ],
  ],
  ['"', [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0x00ab, 0x00bb, 0x02ba]],
  ['-', [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0xfe58, 0xfe63]],
  ['-', [0x2022, 0x2023, 0x25e6, 0x2219, 0x25cf]],
  ['...', [0x2026]],
  ['..', [0x2025]],
  ['.', [0x2024]],
  [
    ' ',
    [
      0x0009, 0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
      0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
    ],
  ],
  ['\n', [0x2028, 0x2029]],
  ['', [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]],
  ['/', [0x2044, 0x2215]],
  ['x', [0x00d7]],
  ['|', [0x00a6]],
  ['^', [0x02c6]],
  ['~', [0x02dc]],
  ['1/4', [0x00bc]],
  ['1/2', [0x00bd]],
  ['3/4', [0x00be]],
  ['1/7', [0x2150]],
  ['1/9', [0x2151]],
  ['1/10', [0x2152]],
  ['1/3', [0x2153]],
  ['2/3', [0x2154]],
  ['1/5', [0x2155]],
  ['2/5', [0x2156]],
  ['3/5', [0x2157]],
  ['4/5', [0x2158]],
  ['1/6', [0x2159]],
  ['5/6', [0x215a]],
  ['1/8', [0x215b]],
  ['3/8', [0x215c]],
  ['5/8', [0x215d]],
  ['7/8', [0x215e]],
  ['ff', [0xfb00]],
  ['fi', [0xfb01]],
  ['fl', [0xfb02]],
  ['ffi', [0xfb03]],
  ['ffl', [0xfb04]],
];

const TABLE = new Map<number, string>(
  GROUPS.flatMap(([replacement, codePoints]) => codePoints.map((cp) => [cp, replacement] as const)),
);

/**
 * The GSM-7 look-alike of a character, or `undefined`: the table above, and full-width
 * ASCII (U+FF01–U+FF5E) as its ASCII character, the full-width grave accent as `'` (the
 * ASCII grave is not GSM-7).
 */
export function gsmLookalike(character: string): string | undefined {
  const codePoint = character.codePointAt(0) as number;
  if (character.length > 2 || (character.length === 2 && codePoint < 0x10000)) return undefined;
  if (codePoint >= 0xff01 && codePoint <= 0xff5e)
    return codePoint === 0xff40 ? "'" : String.fromCharCode(codePoint - 0xfee0);
  return TABLE.get(codePoint);
}

/** Every entry of the mock's table, for the test that compares it with the client's. */
export function lookalikeEntries(): ReadonlyMap<number, string> {
  const all = new Map(TABLE);
  for (let cp = 0xff01; cp <= 0xff5e; cp++)
    all.set(cp, gsmLookalike(String.fromCodePoint(cp)) as string);
  return all;
}

/** Why a message went out as UCS-2, and what smart encoding would have made of it. */
export interface Ucs2Report {
  /** The characters outside GSM-7 that forced UCS-2, in order of first appearance. */
  readonly forcedBy: readonly string[];
  /** Those of them with no GSM-7 look-alike (they keep a smart-encoded text UCS-2). */
  readonly noLookalike: readonly string[];
  /**
   * When every character in `forcedBy` has a look-alike: the GSM-7 text smart encoding
   * makes of it and its segments, and whether it would send it (it does not when that
   * takes more segments than UCS-2, or leaves nothing visible).
   */
  readonly smartEncoding?: {
    readonly text: string;
    readonly segments: number;
    readonly wouldSend: boolean;
  };
}

/**
 * Which characters forced a UCS-2 text, and, when all of them have a GSM-7 look-alike,
 * what smart encoding would send instead (all or nothing; a fraction after a digit gets
 * a space, `3½` → `3 1/2`). `undefined` for a GSM-7 text.
 */
export function ucs2Report(text: string): Ucs2Report | undefined {
  const original = countSegments(text);
  if (original.encoding === 'GSM-7') return undefined;
  const forcedBy = new Set<string>();
  const noLookalike = new Set<string>();
  let smart = '';
  let previous = '';
  for (const character of text) {
    if (countSegments(character).encoding === 'GSM-7') {
      smart += character;
      previous = character;
      continue;
    }
    forcedBy.add(character);
    const replacement = gsmLookalike(character);
    if (replacement === undefined) {
      noLookalike.add(character);
      continue;
    }
    smart += /\d/.test(previous) && /^\d\//.test(replacement) ? ` ${replacement}` : replacement;
    previous = replacement.at(-1) ?? previous;
  }
  const report = { forcedBy: [...forcedBy], noLookalike: [...noLookalike] };
  if (noLookalike.size > 0) return report;
  const segments = countSegments(smart).segments;
  const wouldSend = smart.trim() !== '' && segments <= original.segments;
  return { ...report, smartEncoding: { text: smart, segments, wouldSend } };
}
