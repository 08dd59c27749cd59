import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorPosition, lineAndColumn } from './json-error-position.js';

/** `JSON.parse`'s verdict: undefined when valid, else its position when its message gives one. */
function v8Verdict(text: string): { valid: boolean; position: number | undefined } {
  try {
    JSON.parse(text);
    return { valid: true, position: undefined };
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message)?.[1];
    const end = message.includes('Unexpected end of JSON input') ? text.length : undefined;
    return { valid: false, position: at === undefined ? end : Number(at) };
  }
}

/** JSON-ish text: fragments of valid JSON, cut and spliced, with stray characters. */
const jsonish = fc
  .array(
    fc.oneof(
      fc.json(),
      fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        '"',
        '\\',
        '-',
        '.',
        'e',
        '0',
        ' ',
        '\n',
        'tru',
        'nul',
        '\u0001',
        'x',
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('jsonErrorPosition', () => {
  it('agrees with JSON.parse on validity, and on the position wherever V8 states one', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        const ours = jsonErrorPosition(text);
        const v8 = v8Verdict(text);
        expect(ours === undefined).toBe(v8.valid);
        if (v8.position !== undefined) expect(ours).toBe(v8.position);
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ['password=hunter2', 0],
    ['<html>oops</html>', 0],
    ['{"a":tru}', 8],
    ['[1,2,,]', 5],
    ['{"password":"pw"', 16],
    ['"abc', 4],
    ['', 0],
  ])('%j fails at %i', (text, position) => {
    expect(jsonErrorPosition(text)).toBe(position);
  });

  it('reads deep nesting without recursing', () => {
    expect(jsonErrorPosition(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeUndefined();
    expect(jsonErrorPosition('['.repeat(200_000))).toBe(200_000);
  });

  it('gives lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
