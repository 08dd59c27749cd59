import { describe, expect, it } from 'vitest';
import { parseJsonInt64 } from './parse-json-int64.js';

describe('parseJsonInt64', () => {
  it('keeps integers above 2^53 as exact digit strings', () => {
    const parsed = parseJsonInt64(
      '[{"id":9007199254740993,"n":12,"neg":-9223372036854775808}]',
    ) as Record<string, unknown>[];
    expect(parsed[0]).toEqual({ id: '9007199254740993', n: 12, neg: '-9223372036854775808' });
  });

  it('leaves safe integers, decimals and strings alone', () => {
    const text =
      '{"a":9007199254740991,"b":"12345678901234567890","c":1.5e300,"d":"x\\"9007199254740993"}';
    expect(parseJsonInt64(text)).toEqual(JSON.parse(text));
  });

  it('never rounds an id written with a fraction or an exponent into another id', () => {
    const parsed = parseJsonInt64(
      '{"a":12345678901234567891.0,"b":1.2345678901234567891E19,"c":9007199254740993e0,"d":-1.8446744073709551615e+19}',
    );
    expect(parsed).toEqual({
      a: '12345678901234567891',
      b: '12345678901234567891',
      c: '9007199254740993',
      d: '-18446744073709551615',
    });
  });

  it('leaves non-integers and huge exponents to JSON.parse', () => {
    const text = '{"a":9007199254740993.5,"b":1e400,"c":1.5e-300,"d":2e3}';
    expect(parseJsonInt64(text)).toEqual(JSON.parse(text));
  });

  it('throws SyntaxError for invalid JSON, as JSON.parse does', () => {
    expect(() => parseJsonInt64('{"id":90071992547409931')).toThrow(SyntaxError);
    expect(() => parseJsonInt64('<html>')).toThrow(SyntaxError);
  });
});
