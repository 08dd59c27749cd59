import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequestJson, parseWithLongIntegersAsText } from './parse-json-int64.js';

/** The value, or the fact that it threw. */
function outcome(parse: (text: string) => unknown, text: string): unknown {
  try {
    return { value: parse(text) };
  } catch {
    return 'threw';
  }
}

const longDigits = fc.stringMatching(/^-?\d{14,22}$/);

describe('parseRequestJson', () => {
  it('keeps an integer beyond 2^53 as its exact digits, a shorter one as a number', () => {
    expect(parseRequestJson('{"id": 12345678901234567890, "n": [-90071992547409930, 42]}')).toEqual(
      { id: '12345678901234567890', n: ['-90071992547409930', 42] },
    );
    expect(parseRequestJson('{"batchNo":"20261202000000000001","x":9007199254740991}')).toEqual({
      batchNo: '20261202000000000001',
      x: 9007199254740991,
    });
  });

  it('gives what the full scan gives, on JSON with long numbers and digit runs anywhere', () => {
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        longDigits.map((digits) => ({ raw: digits })),
        fc.string(),
        longDigits,
        fc.constantFrom(true, false, null),
      ),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), longDigits), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    // Raw long numbers are spliced in unquoted, with JSON white space around tokens. Some
    // texts also lose the quotes of their digit strings, keys included: invalid JSON the
    // full scan turns valid (`{12345678901234567890:1}`).
    const text = fc
      .tuple(value, fc.constantFrom('', ' ', '\n', '\t ', '\r\n'), fc.boolean())
      .map(([v, space, unquote]) => {
        const json = JSON.stringify(v, (_key, item: unknown) =>
          item !== null && typeof item === 'object' && 'raw' in item
            ? `\u0001${item.raw}\u0001`
            : item,
        )
          .replace(/"\\u0001(-?\d+)\\u0001"/g, `${space}$1${space}`)
          .replaceAll(',', `,${space}`);
        return unquote ? json.replace(/"(-?\d+)"/g, `${space}$1${space}`) : json;
      });
    fc.assert(
      fc.property(text, (json) => {
        expect(outcome(parseRequestJson, json)).toEqual(outcome(parseWithLongIntegersAsText, json));
      }),
      { numRuns: 3_000 },
    );
  });

  it('gives what the full scan gives on malformed text made of JSON pieces', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        ':',
        ',',
        '"',
        '\\',
        ' ',
        '\n',
        'true',
        '-',
        '.',
        'e',
        'a',
      ),
      longDigits,
      fc.stringMatching(/^\d{1,3}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const json = pieces.join('');
        expect(outcome(parseRequestJson, json)).toEqual(outcome(parseWithLongIntegersAsText, json));
      }),
      { numRuns: 20_000 },
    );
  });
});
