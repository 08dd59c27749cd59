import { describe, expect, it } from 'vitest';
import {
  sjroomBalanceSchema,
  sjroomBatchNoSchema,
  sjroomEnvelopeSchema,
  sjroomReceiptSchema,
} from './sjroom-api.js';
import { plainBalance, plainBatchNo, plainEnvelope, plainReceipt } from './sjroom-fast-read.js';

/** Whatever the fast check decides, the zod schema decides the same. */
function agrees(fast: (value: never) => unknown, schema: { safeParse(v: unknown): unknown }) {
  return (value: unknown) => {
    const decided = fast(value as never);
    const parsed = schema.safeParse(value) as { success: boolean; data?: unknown };
    if (decided !== undefined) {
      expect(parsed.success, JSON.stringify(value)).toBe(true);
      expect(decided).toEqual(parsed.data);
    }
    return decided !== undefined;
  };
}

describe('the hand-checked fast reads', () => {
  it('give the schema’s value for plain answers and leave every odd one to the schema', () => {
    const balance = agrees(plainBalance, sjroomBalanceSchema);
    expect(['1000.0000', '0', '-3.5', '1.0245E+3', ' 7 '].every(balance)).toBe(true);
    expect([12.5, 'abc', '', null, undefined, {}, '1e99999'].some(balance)).toBe(false);

    const batchNo = agrees(plainBatchNo, sjroomBatchNoSchema);
    expect(batchNo('20261126000000000001')).toBe(true);
    expect(['', 123, null, ['1']].some(batchNo)).toBe(false);

    const receipt = agrees(plainReceipt, sjroomReceiptSchema);
    const plain = {
      failPhones: [],
      failedNum: 0,
      successNum: 1,
      successPhones: ['639171234567'],
      totalNum: 1,
    };
    expect(receipt(plain)).toBe(true);
    expect(receipt({ ...plain, failPhones: null, extra: 'dropped' })).toBe(true);
    const odd = [
      { ...plain, successNum: '1' },
      { ...plain, successPhones: [639171234567] },
      { ...plain, totalNum: -1 },
      { ...plain, totalNum: 1.5 },
      { ...plain, failPhones: 'x' },
      [plain],
      null,
    ];
    expect(odd.some(receipt)).toBe(false);

    const envelope = (value: Record<string, unknown>) =>
      agrees((v: Record<string, unknown>) => plainEnvelope(v), sjroomEnvelopeSchema)(value);
    expect(envelope({ stateCode: '200', stateMsg: '成功', data: '1' })).toBe(true);
    expect(envelope({ stateCode: '401', stateMsg: null })).toBe(true);
    expect(envelope({ stateCode: 200, stateMsg: 'ok' })).toBe(false);
    expect(envelope({ stateCode: '200', stateMsg: 5 })).toBe(false);
  });
});
