/**
 * Where a number of 16 digits or more may start: at the start of a value or a key (the
 * text's, or after `{`, `:`, `[` or `,`, and white space; the scan below quotes a long
 * integer key too, which makes `{12345678901234567890:1}` valid, so the shortcut must
 * not skip it). Integers of at most 15 digits are exact doubles; a long digit run
 * inside a string (a query's 20-digit `batchNo`) does not match, so it no longer sends
 * the body through the character-by-character scan.
 */
const LONG_NUMBER = /(?:^|[{:[,])\s*-?\d{16}/;
const INTEGER = /^-?\d+$/;

/**
 * Parses a JSON request body so that an integer too large for a double (an int64
 * channel id) arrives as its exact digit string instead of a rounded number.
 */
export function parseRequestJson(text: string): unknown {
  return LONG_NUMBER.test(text) ? parseWithLongIntegersAsText(text) : JSON.parse(text);
}

/**
 * {@link parseRequestJson} without its shortcut: every integer token that is not a safe
 * integer is quoted before `JSON.parse`. Exported for the test that holds the shortcut
 * to it.
 * @internal
 */
export function parseWithLongIntegersAsText(text: string): unknown {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c !== '-' && (c === undefined || c < '0' || c > '9')) continue;
    let end = i + 1;
    while (end < text.length && /[\d.eE+-]/.test(text[end] as string)) end++;
    const token = text.slice(i, end);
    if (INTEGER.test(token) && !Number.isSafeInteger(Number(token))) {
      out += `${text.slice(from, i)}"${token}"`;
      from = end;
    }
    i = end - 1;
  }
  return JSON.parse(out + text.slice(from));
}
