import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { int64, stringifyWithInt64 } from './envelope.js';
import { stringifyReceipt } from './receipt-text.js';

describe('stringifyReceipt', () => {
  it('writes exactly what stringifyWithInt64 writes, for any receipt', () => {
    const phone = fc.oneof(
      fc.stringMatching(/^\d{6,15}$/),
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^\d{1,20}$/).map(int64),
    );
    const receipt = fc
      .record({ failPhones: fc.array(phone), successPhones: fc.array(phone) })
      .map(({ failPhones, successPhones }) => ({
        failPhones,
        failedNum: failPhones.length,
        successNum: successPhones.length,
        successPhones,
        totalNum: failPhones.length + successPhones.length,
      }));
    fc.assert(
      fc.property(receipt, (value) => {
        expect(stringifyReceipt(value)).toBe(stringifyWithInt64(value));
      }),
      { numRuns: 3_000 },
    );
  });
});
