import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildMockServer } from './build-mock-server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('memory stays bounded', () => {
  it('keeps the heap flat over a million receipts once the recipient bound is reached', async () => {
    const maxRecipients = 200_000;
    const app = buildMockServer({ limits: { maxRecipients }, receiptDelay: 0 });
    await app.inject({
      method: 'PUT',
      url: '/__mock/accounts/demo',
      payload: { balance: '100000000' },
    });
    const channel = app.mockState.channels.find((c) => c.countryCode === '63' && c.status === 1);
    const submitBatch = async (batch: number) => {
      const phones = Array.from(
        { length: 10_000 },
        (_, i) => `639${String(batch).padStart(3, '0')}${String(i).padStart(5, '0')}4`,
      );
      const response = await app.inject({
        method: 'POST',
        url: '/api/open/int/sms/submit',
        payload: {
          account: 'demo',
          password: 'demo-password',
          goodsSupplySmsConfigId: channel?.id,
          phone: phones.join(','),
          sendContent: 'load',
        },
      });
      expect(response.json().stateCode).toBe('200');
      const batchNo = response.json().data;
      const query = await app.inject({
        method: 'POST',
        url: '/api/open/int/sms/query',
        payload: { account: 'demo', password: 'demo-password', batchNo },
      });
      expect(query.json().totalNum).toBe(10_000);
    };
    for (let batch = 0; batch < 20; batch++) await submitBatch(batch);
    const atBound = heapAfterGc();
    for (let batch = 20; batch < 100; batch++) await submitBatch(batch);
    const afterMillion = heapAfterGc();
    expect(app.mockState.batches.recipientCount).toBeLessThanOrEqual(maxRecipients);
    const growthMb = (afterMillion - atBound) / 1024 / 1024;
    expect(growthMb).toBeLessThan(15);
    await app.close();
  }, 60_000);
});
