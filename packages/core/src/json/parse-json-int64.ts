import { exactIntegerDigits } from './exact-integer.js';

/**
 * Only a run of 16+ digits or an exponent can write an integer beyond 2^53; without
 * either, `JSON.parse` is exact and the scan is skipped.
 */
const MAY_HOLD_UNSAFE_INTEGER = /\d{16}|\d[eE]/;

/**
 * `JSON.parse` that keeps integers beyond `Number.MAX_SAFE_INTEGER` exact: each such
 * literal outside a string — however it is written: `12345678901234567891`,
 * `12345678901234567891.0`, `1.2345678901234567891E19` — becomes the string of its
 * digits, so an id is never rounded into another id. Everything else parses exactly as
 * `JSON.parse` would. Throws `SyntaxError` for invalid JSON.
 */
export function parseJsonInt64(text: string): unknown {
  if (!MAY_HOLD_UNSAFE_INTEGER.test(text)) return JSON.parse(text);
  return JSON.parse(quoteUnsafeIntegers(text));
}

function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = skipString(text, i);
    } else if (c === 0x2d || isDigit(c)) {
      const start = i;
      i++;
      while (i < text.length && isNumberChar(text.charCodeAt(i))) i++;
      const token = text.slice(start, i);
      const digits = Number.isSafeInteger(Number(token)) ? undefined : exactIntegerDigits(token);
      if (digits !== undefined) {
        out += `${text.slice(copiedUpTo, start)}"${digits}"`;
        copiedUpTo = i;
      }
    } else {
      i++;
    }
  }
  return out + text.slice(copiedUpTo);
}

/** Returns the index just after the string literal that opens at `start`. */
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isNumberChar(c: number): boolean {
  // digits . e E + -
  return isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}
