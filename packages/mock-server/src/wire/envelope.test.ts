import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../money/amount.js';
import { int64, ok, stringifyOkText, stringifyWithInt64 } from './envelope.js';

describe('stringifyOkText', () => {
  it('writes exactly what stringifyWithInt64(ok(data)) writes, for any string', () => {
    const data = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(formatAmount),
      fc.stringMatching(/^\d{1,25}$/).map(int64),
      fc.constantFrom('', '"', '\\', '\u0000', '\u2028', '\ud800', '成功', '\u0000int64:12'),
    );
    fc.assert(
      fc.property(data, (text) => {
        expect(stringifyOkText(text)).toBe(stringifyWithInt64(ok(text)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('writes the vendor success envelope', () => {
    expect(stringifyOkText('1000.0000')).toBe(
      '{"stateCode":"200","stateMsg":"成功","data":"1000.0000"}',
    );
  });
});
