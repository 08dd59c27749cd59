/**
 * Where a text stops being JSON, found by our own scan rather than read out of
 * `JSON.parse`'s message: V8 quotes the start of the text in that message ("Unexpected
 * token 'p', "password=…" is not valid JSON"), and the text may echo a credential. The
 * scan keeps a stack instead of recursing, so deep nesting cannot overflow it, and it
 * reads each character once.
 */

/** Offsets are returned as they are; a failure inside a token is encoded as `~offset`. */
type Scan = number;

enum Expect {
  Value,
  Key,
  Next,
}

/**
 * The offset of the first character at which `text` cannot continue as JSON, or
 * `text.length` when it ends before the value is complete; `undefined` when it is valid.
 */
export function jsonErrorPosition(text: string): number | undefined {
  const stack: number[] = [];
  let expect = Expect.Value;
  let i = skipSpace(text, 0);
  for (;;) {
    if (expect === Expect.Next) {
      i = skipSpace(text, i);
      const open = stack.at(-1);
      if (open === undefined) return i < text.length ? i : undefined;
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i = skipSpace(text, i + 1);
        expect = open === 0x7b ? Expect.Key : Expect.Value;
      } else if (c === open + 2) {
        // `{` + 2 is `}`, `[` + 2 is `]`.
        stack.pop();
        i++;
      } else {
        return i;
      }
      continue;
    }
    if (i >= text.length) return i;
    const c = text.charCodeAt(i);
    if (expect === Expect.Key) {
      if (c !== 0x22) return i;
      const end = scanString(text, i);
      if (end < 0) return ~end;
      i = skipSpace(text, end);
      if (i >= text.length) return i;
      if (text.charCodeAt(i) !== 0x3a) return i;
      i = skipSpace(text, i + 1);
      expect = Expect.Value;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      stack.push(c);
      i = skipSpace(text, i + 1);
      if (text.charCodeAt(i) === c + 2) {
        stack.pop();
        i++;
        expect = Expect.Next;
      } else {
        expect = c === 0x7b ? Expect.Key : Expect.Value;
      }
      continue;
    }
    const end = c === 0x22 ? scanString(text, i) : scanScalar(text, i);
    if (end < 0) return ~end;
    i = end;
    expect = Expect.Next;
  }
}

/** `position` as a 1-based line and column, for a message. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/** The end of the string literal opening at `start`, or `~offset` of its error. */
function scanString(text: string, start: number): Scan {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return ~i;
    if (c === 0x5c) {
      const e = text.charCodeAt(i + 1);
      if (e === 0x75) {
        for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) return ~(i + k);
        i += 6;
      } else if (`"\\/bfnrt`.includes(text[i + 1] ?? 'x')) {
        i += 2;
      } else {
        return ~(i + 1);
      }
    } else {
      i++;
    }
  }
  return ~text.length;
}

/** The end of the number or literal at `start`, or `~offset` of its error. */
function scanScalar(text: string, start: number): Scan {
  for (const literal of ['true', 'false', 'null']) {
    if (text.charCodeAt(start) !== literal.charCodeAt(0)) continue;
    for (let k = 1; k < literal.length; k++)
      if (text.charCodeAt(start + k) !== literal.charCodeAt(k)) return ~(start + k);
    return start + literal.length;
  }
  let i = start;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text.charCodeAt(i))) i = skipDigits(text, i);
  else return ~i;
  if (text.charCodeAt(i) === 0x2e) {
    if (!isDigit(text.charCodeAt(i + 1))) return ~(i + 1);
    i = skipDigits(text, i + 1);
  }
  if ((text.charCodeAt(i) | 0x20) === 0x65) {
    i++;
    if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) return ~i;
    i = skipDigits(text, i);
  }
  return i;
}

function skipDigits(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}
