import { afterEach, describe, expect, it } from 'vitest';
import { mockedClient } from '../../test-support/mock-agent.js';

const channel = {
  goodsSupplySmsConfigId: 10001,
  countryCode: '63',
  countryOperator: 'Globe',
  customerPrice: 0.035,
  nameEn: 'Philippines',
  nameZh: '菲律宾',
  status: 1,
};
/** The channel as the client returns it: the price as exact decimal text. */
const listed = { ...channel, customerPrice: '0.035' };
const receipt = {
  failPhones: ['639170000001'],
  failedNum: 1,
  successNum: 1,
  successPhones: ['639171234567'],
  totalNum: 2,
};
const ok = (data: unknown) => ({ stateCode: '200', stateMsg: '成功', data });

let current: ReturnType<typeof mockedClient>;
afterEach(async () => {
  current.agent.assertNoPendingInterceptors();
  await current.agent.close();
});

describe('SjroomClient endpoints (MockAgent)', () => {
  it('lists channels from a bare array, as the vendor documents', async () => {
    current = mockedClient();
    current.intercept('list').reply(200, [channel]);
    expect(await current.client.listChannels()).toEqual([listed]);
  });

  it('lists channels from an enveloped array too', async () => {
    current = mockedClient();
    current.intercept('list').reply(200, ok([channel]));
    expect(await current.client.listChannels()).toEqual([listed]);
  });

  it('keeps int64 channel ids above 2^53 exact, as strings', async () => {
    current = mockedClient();
    const body = `[${JSON.stringify({ ...channel, goodsSupplySmsConfigId: 0 }).replace('"goodsSupplySmsConfigId":0', '"goodsSupplySmsConfigId":1234567890123456789')}]`;
    current.intercept('list').reply(200, body, { headers: { 'content-type': 'application/json' } });
    const [first] = await current.client.listChannels();
    expect(first?.goodsSupplySmsConfigId).toBe('1234567890123456789');
  });

  it('tolerates null lists and numeric strings from a Java service', async () => {
    current = mockedClient();
    current.intercept('query').reply(200, {
      failPhones: null,
      failedNum: '0',
      successNum: 2,
      successPhones: ['1', '2'],
      totalNum: 2,
    });
    expect(await current.client.query('B1')).toMatchObject({
      failPhones: [],
      failedNum: 0,
      totalNum: 2,
      processing: false,
    });
  });

  it('submits the documented body, with a big channel id as a bare JSON integer', async () => {
    current = mockedClient();
    let sent: unknown;
    current.intercept('submit').reply(200, (options) => {
      sent = options.body;
      return ok('B20261126');
    });
    const batchNo = await current.client.submit({
      channelId: '9007199254740993',
      phones: ['639171234567', '639181234567'],
      content: 'hi 你好',
    });
    expect(batchNo).toBe('B20261126');
    expect(sent).toBe(
      '{"account":"acct","password":"pw-secret","goodsSupplySmsConfigId":9007199254740993,"phone":"639171234567,639181234567","sendContent":"hi 你好"}',
    );
  });

  it('queries receipts, bare or enveloped', async () => {
    current = mockedClient();
    current.intercept('query').reply(200, receipt);
    current.intercept('query').reply(200, ok(receipt));
    expect(await current.client.query('B1')).toEqual({ ...receipt, processing: false });
    expect(await current.client.query('B1')).toEqual({ ...receipt, processing: false });
  });

  it('reads stateCode 201 on query as "still processing", every number pending', async () => {
    current = mockedClient();
    current.intercept('query').reply(200, { stateCode: '201', stateMsg: 'processing', data: null });
    expect(await current.client.query('B1')).toEqual({
      failPhones: [],
      failedNum: 0,
      successNum: 0,
      successPhones: [],
      totalNum: 0,
      processing: true,
    });
  });

  it('returns the balance as its string and an exact decimal', async () => {
    current = mockedClient();
    current.intercept('balance').reply(200, ok('1024.5000'));
    const balance = await current.client.balance();
    expect(balance.amount).toBe('1024.5000');
    expect(balance.value.units).toBe(10245000n);
    expect(balance.value.scale).toBe(4);
  });

  it('validates inputs before sending anything', async () => {
    current = mockedClient();
    const { client } = current;
    await expect(
      client.submit({ channelId: 'x1', phones: ['639171234567'], content: 'a' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'channelId',
    });
    await expect(client.submit({ channelId: 1, phones: [], content: 'a' })).rejects.toMatchObject({
      field: 'phones',
    });
    await expect(
      client.submit({ channelId: 1, phones: ['+639171234567'], content: 'a' }),
    ).rejects.toMatchObject({ field: 'phones[0]' });
    await expect(
      client.submit({ channelId: 1, phones: Array(10_001).fill('639171234567'), content: 'a' }),
    ).rejects.toMatchObject({ field: 'phones' });
    await expect(
      client.submit({ channelId: 1, phones: ['639171234567'], content: '' }),
    ).rejects.toMatchObject({ field: 'content' });
    await expect(client.query('')).rejects.toMatchObject({ field: 'batchNo' });
  });
});
