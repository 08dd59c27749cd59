/** GSM 03.38 basic character set (one septet each). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** GSM 03.38 extension table (escape + septet: two each). */
const GSM_EXTENSION = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

/** How the mock bills a text: its encoding and number of SMS segments. */
export interface SegmentCount {
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly segments: number;
  /** Length in the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2. */
  readonly units: number;
}

/**
 * Counts segments as the contract says: GSM-7 160 in one / 153 per part (extension
 * characters count twice), otherwise UCS-2 70 / 67 (astral characters count twice).
 * A character pair is never split across parts.
 */
export function countSegments(text: string): SegmentCount {
  let septets = 0;
  for (const char of text) {
    if (basic.has(char)) septets += 1;
    else if (extension.has(char)) septets += 2;
    else return ucs2(text);
  }
  return { encoding: 'GSM-7', units: septets, segments: partsGsm(text, septets) };
}

function partsGsm(text: string, septets: number): number {
  if (septets <= 160) return 1;
  let parts = 1;
  let used = 0;
  for (const char of text) {
    const size = extension.has(char) ? 2 : 1;
    if (used + size > 153) {
      parts++;
      used = 0;
    }
    used += size;
  }
  return parts;
}

function ucs2(text: string): SegmentCount {
  const units = text.length;
  if (units <= 70) return { encoding: 'UCS-2', units, segments: 1 };
  let parts = 1;
  let used = 0;
  for (const char of text) {
    const size = char.length;
    if (used + size > 67) {
      parts++;
      used = 0;
    }
    used += size;
  }
  return { encoding: 'UCS-2', units, segments: parts };
}
