/** GSM 03.38 basic character set: one septet each (ESC excluded). */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** GSM 03.38 extension table: escape + septet, two septets each. */
const EXTENSION = '\f^{}\\[~]|€';

/** Septets per UTF-16 code unit for the GSM characters (1 or 2), 0 for anything else. */
const SEPTETS = new Uint8Array(0x10000);
for (const char of BASIC) SEPTETS[char.charCodeAt(0)] = 1;
for (const char of EXTENSION) SEPTETS[char.charCodeAt(0)] = 2;

/** Septets the character with this UTF-16 code unit takes in GSM-7: 1, 2, or 0 when it has none. */
export function gsmSeptets(codeUnit: number): number {
  return SEPTETS[codeUnit] ?? 0;
}
