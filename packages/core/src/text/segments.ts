import { gsmSeptets } from './gsm-charset.js';

/** The encoding a text is sent in. */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** How a text splits into SMS segments. */
export interface SegmentInfo {
  /** GSM-7 when every character is in the GSM 03.38 tables, UCS-2 otherwise. */
  readonly encoding: SmsEncoding;
  /** Number of SMS segments (parts) the text is billed as. */
  readonly segments: number;
  /** Length in the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2. */
  readonly units: number;
  /** Units still free in the last segment. */
  readonly remainingInLastSegment: number;
  /** The distinct characters that forced UCS-2, in order of first appearance (empty for GSM-7). */
  readonly nonGsmCharacters: readonly string[];
}

const LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/**
 * Counts segments by the contract's rules: GSM-7 fits 160 septets in one SMS and 153 per
 * part when longer, extension characters taking two septets; anything else is UCS-2 at
 * 70 / 67 UTF-16 units, characters outside the BMP taking two. An escape pair or a
 * surrogate pair never straddles two parts.
 */
export function countSegments(text: string): SegmentInfo {
  let septets = 0;
  for (let i = 0; i < text.length; i++) {
    const size = gsmSeptets(text.charCodeAt(i));
    if (size === 0) return ucs2(text);
    septets += size;
  }
  return split(
    text,
    'GSM-7',
    septets,
    (i) => ({ size: gsmSeptets(text.charCodeAt(i)), width: 1 }),
    [],
  );
}

function ucs2(text: string): SegmentInfo {
  const nonGsm = new Set<string>();
  for (const char of text)
    if (gsmSeptets(char.charCodeAt(0)) === 0 || char.length > 1) nonGsm.add(char);
  return split(
    text,
    'UCS-2',
    text.length,
    (i) => {
      const code = text.charCodeAt(i);
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
      return { size: pair ? 2 : 1, width: pair ? 2 : 1 };
    },
    [...nonGsm],
  );
}

/** Packs characters into parts; `measure(i)` gives the units and code-unit width of the character at `i`. */
function split(
  text: string,
  encoding: SmsEncoding,
  units: number,
  measure: (index: number) => { size: number; width: number },
  nonGsmCharacters: string[],
): SegmentInfo {
  const { single, part } = LIMITS[encoding];
  if (units <= single) {
    return {
      encoding,
      segments: 1,
      units,
      remainingInLastSegment: single - units,
      nonGsmCharacters,
    };
  }
  let segments = 1;
  let used = 0;
  for (let i = 0; i < text.length; ) {
    const { size, width } = measure(i);
    if (used + size > part) {
      segments++;
      used = 0;
    }
    used += size;
    i += width;
  }
  return { encoding, segments, units, remainingInLastSegment: part - used, nonGsmCharacters };
}
