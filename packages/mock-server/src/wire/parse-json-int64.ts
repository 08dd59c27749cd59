const LONG_DIGIT_RUN = /\d{16,}/;
const INTEGER = /^-?\d+$/;

/**
 * Parses a JSON request body so that an integer too large for a double (an int64
 * channel id) arrives as its exact digit string instead of a rounded number.
 */
export function parseRequestJson(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
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
