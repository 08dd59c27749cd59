import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  sjroomBalanceSchema,
  sjroomBatchNoSchema,
  sjroomChannelListSchema,
  sjroomEnvelopeSchema,
  sjroomReceiptSchema,
} from './sjroom-api.js';
import {
  plainBalance,
  plainBatchNo,
  plainChannelList,
  plainEnvelope,
  plainReceipt,
} from './sjroom-fast-read.js';

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
    expect(['20261126000000000001', 123, 0].every(batchNo)).toBe(true);
    expect(['', 1.5, 2 ** 53, null, ['1']].some(batchNo)).toBe(false);

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
    expect(envelope({ stateCode: 200, stateMsg: 'ok' })).toBe(true);
    expect(envelope({ stateCode: true, stateMsg: 'ok' })).toBe(false);
    expect(envelope({ stateCode: '200', stateMsg: 5 })).toBe(false);
  });

  it('reads a channel list as the schema does, whatever the fields hold', () => {
    const channels = agrees(plainChannelList, sjroomChannelListSchema);
    const plain = {
      goodsSupplySmsConfigId: 1001,
      countryCode: 'PH',
      countryOperator: 'Globe',
      customerPrice: 0.0456,
      nameEn: 'Philippines',
      nameZh: '菲律宾',
      status: 1,
    };
    expect(channels([plain, { ...plain, countryOperator: null, nameZh: undefined }])).toBe(true);
    // Odd but accepted forms go to the schema: ids and prices as strings, a numeric country.
    const odd = [
      { ...plain, goodsSupplySmsConfigId: '1001' },
      { ...plain, countryCode: 63 },
    ];
    expect(odd.some((channel) => channels([channel]))).toBe(false);
    // Each field drawn from the forms the wire may carry, valid or not.
    const anyValue = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.constantFrom(2 ** 53, -0, 1e21, Number.MAX_VALUE, 5e-324),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('12', '0.5', '1e3', '-1', '99999999999999999999'),
      fc.constantFrom(null, undefined, true, [], {}),
    );
    const channel = fc.record(
      {
        goodsSupplySmsConfigId: fc.oneof(fc.integer({ min: 0 }), anyValue),
        countryCode: fc.oneof(fc.constantFrom('PH', 'GB'), anyValue),
        countryOperator: anyValue,
        customerPrice: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), anyValue),
        nameEn: anyValue,
        nameZh: anyValue,
        status: fc.oneof(fc.integer({ min: 0, max: 3 }), anyValue),
        extra: anyValue,
      },
      { requiredKeys: [] },
    );
    let decided = 0;
    fc.assert(
      fc.property(fc.oneof(fc.array(channel, { maxLength: 4 }), anyValue), (value) => {
        if (channels(value)) decided++;
      }),
      { numRuns: 3000 },
    );
    // The property would hold trivially if the fast read never answered.
    expect(decided).toBeGreaterThan(10);
  });
});
