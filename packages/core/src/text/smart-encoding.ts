import { gsmSeptets } from './gsm-charset.js';
import { fullWidthLookalike, LOOKALIKE_BY_CODE_POINT } from './gsm-lookalikes.js';
import { countSegments, type SmsEncoding } from './segments.js';

/** One character smart encoding replaced, with what it became. */
export interface CharacterReplacement {
  /** The character as written. */
  readonly character: string;
  /** Its GSM-7 look-alike (empty when an invisible character was dropped). */
  readonly replacement: string;
  /** How many times it occurs in the text. */
  readonly count: number;
}

/** What smart encoding does to one text. */
export interface SmartEncoding {
  /** The text to send: the replaced text when `applied`, otherwise the text as written. */
  readonly text: string;
  /** True when look-alikes were replaced (the text is GSM-7 now and costs no more segments). */
  readonly applied: boolean;
  /**
   * Why the text was left as written, when it was: `gsm` (already GSM-7), `no-lookalike`
   * (a character with no GSM-7 look-alike keeps it UCS-2), `more-segments` (the longer
   * replacements would cost more segments than UCS-2). `undefined` when applied.
   */
  readonly keptBecause: 'gsm' | 'no-lookalike' | 'more-segments' | undefined;
  /** Each character replaced (or that would be, when kept for `more-segments`), in order of first appearance. */
  readonly replacements: readonly CharacterReplacement[];
  /** The characters with no look-alike that keep the text UCS-2, in order of first appearance. */
  readonly blockedBy: readonly string[];
  /** The encoding of `text`. */
  readonly encoding: SmsEncoding;
}

/**
 * Replaces the characters that have a GSM-7 look-alike (curly quotes, dashes, `…`,
 * Unicode spaces, bullets, fractions, full-width ASCII: the table is `GSM_LOOKALIKES`)
 * so that a text written in a word processor goes out as GSM-7, 160 characters per
 * segment instead of 70. All or nothing: the text is changed only when every character
 * becomes GSM-7 and the result takes no more segments; otherwise it is sent as written
 * (UCS-2 carries every character exactly, so replacing some would save nothing). A text
 * that is already GSM-7 is never changed. A fraction right after a digit gets a space
 * (`3½` → `3 1/2`), so the number keeps its value.
 */
export function smartEncode(text: string): SmartEncoding {
  const original = countSegments(text);
  if (original.encoding === 'GSM-7') return kept(text, 'gsm', [], [], 'GSM-7');
  const counts = new Map<string, { replacement: string; count: number }>();
  const blocked = new Set<string>();
  let out = '';
  let previous = '';
  for (const character of text) {
    const codePoint = character.codePointAt(0) as number;
    if (character.length === 1 && gsmSeptets(codePoint) > 0) {
      out += character;
      previous = character;
      continue;
    }
    const replacement = LOOKALIKE_BY_CODE_POINT.get(codePoint) ?? fullWidthLookalike(codePoint);
    if (replacement === undefined) {
      blocked.add(character);
      continue;
    }
    const entry = counts.get(character) ?? { replacement, count: 0 };
    entry.count++;
    counts.set(character, entry);
    out += isDigit(previous) && /^\d\//.test(replacement) ? ` ${replacement}` : replacement;
    previous = replacement.at(-1) ?? previous;
  }
  const replacements = [...counts].map(([character, { replacement, count }]) => ({
    character,
    replacement,
    count,
  }));
  if (blocked.size > 0) return kept(text, 'no-lookalike', replacements, [...blocked], 'UCS-2');
  // Dropping invisible characters can leave nothing to send: keep the text as written.
  if (out.trim() === '') return kept(text, 'no-lookalike', replacements, [], 'UCS-2');
  if (countSegments(out).segments > original.segments)
    return kept(text, 'more-segments', replacements, [], 'UCS-2');
  return {
    text: out,
    applied: true,
    keptBecause: undefined,
    replacements,
    blockedBy: [],
    encoding: 'GSM-7',
  };
}

function kept(
  text: string,
  keptBecause: SmartEncoding['keptBecause'],
  replacements: readonly CharacterReplacement[],
  blockedBy: readonly string[],
  encoding: SmsEncoding,
): SmartEncoding {
  return { text, applied: false, keptBecause, replacements, blockedBy, encoding };
}

function isDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}
