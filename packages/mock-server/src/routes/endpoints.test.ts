import { afterEach, describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../money/amount.js';
import { DEMO, injectServer } from '../test-support/inject.js';

let server: ReturnType<typeof injectServer>;
afterEach(async () => {
  await server.app.close();
});

describe('the four endpoints: success shapes', () => {
  it('list answers a bare array of the account’s channels', async () => {
    server = injectServer();
    const { status, body } = await server.post('list', DEMO);
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    expect(body.length).toBe(server.app.mockState.channels.length);
    expect(Object.keys(body[0]).sort()).toEqual(
      [
        'countryCode',
        'countryOperator',
        'customerPrice',
        'goodsSupplySmsConfigId',
        'nameEn',
        'nameZh',
        'status',
      ].sort(),
    );
  });

  it('balance answers the envelope with a four-decimal string', async () => {
    server = injectServer();
    expect((await server.post('balance', DEMO)).body).toEqual({
      stateCode: '200',
      stateMsg: '成功',
      data: '1000.0000',
    });
  });

  it('submit answers a batch number, charges exactly and records the message', async () => {
    server = injectServer();
    const channel = server.enabledChannel('63');
    const { body } = await server.submit({
      phone: '639171234567,+639181234567',
      sendContent: '€'.repeat(80),
    });
    expect(body).toMatchObject({ stateCode: '200', stateMsg: '成功' });
    expect(body.data).toMatch(/^\d{20}$/);
    // 80 × '€' = 160 septets: one GSM-7 segment; two recipients.
    const cost = (parseAmount(channel.price) ?? 0n) * 2n;
    expect(cost).toBeGreaterThan(0n);
    expect((await server.post('balance', DEMO)).body.data).toBe(
      formatAmount((parseAmount('1000') ?? 0n) - cost),
    );
    const batch = server.app.mockState.batches.get(body.data);
    expect(batch).toMatchObject({
      phones: ['639171234567', '639181234567'],
      segments: 1,
      encoding: 'GSM-7',
    });
  });

  it('query answers a bare object whose totals always add up', async () => {
    server = injectServer({ receiptDelay: 0 });
    const { body } = await server.submit({ phone: '639171234567;639170000001\n639170000002' });
    const receipt = (await server.post('query', { ...DEMO, batchNo: body.data })).body;
    expect(receipt).toEqual({
      failPhones: ['639170000001'],
      failedNum: 1,
      successNum: 1,
      successPhones: ['639171234567'],
      totalNum: 2,
    });
  });

  it('accepts every documented separator and a leading +', async () => {
    server = injectServer();
    const { body } = await server.submit({
      phone: '+639171234561，639171234562 639171234563;639171234564\n639171234565,',
    });
    expect(server.app.mockState.batches.get(body.data)?.phones).toHaveLength(5);
  });
});

describe('the four endpoints: business errors', () => {
  it.each([
    ['list', { account: 'demo', password: 'wrong' }],
    ['balance', { account: 'nobody', password: 'x' }],
    ['query', { account: 'demo', password: 'wrong', batchNo: '1' }],
  ])('%s with wrong credentials answers 401', async (endpoint, payload) => {
    server = injectServer();
    expect((await server.post(endpoint, payload)).body).toEqual({
      stateCode: '401',
      stateMsg: '[account:wrong account or password]',
      data: null,
    });
  });

  it('answers 403 for a channel not opened, and for a disabled one', async () => {
    server = injectServer();
    expect((await server.submit({ goodsSupplySmsConfigId: 1 })).body).toMatchObject({
      stateCode: '403',
    });
    const disabled = server.app.mockState.channels.find((channel) => channel.status === 0);
    const phone = `${disabled?.countryCode}7001234567`;
    const { body } = await server.submit({ goodsSupplySmsConfigId: disabled?.id, phone });
    expect(body).toMatchObject({ stateCode: '403', stateMsg: expect.stringContaining('disabled') });
  });

  it('answers 402 when the balance is too low, and charges nothing', async () => {
    server = injectServer({ accounts: [{ account: 'poor', password: 'p', balance: '0.0010' }] });
    const channel = server.enabledChannel('63');
    const { body } = await server.post('submit', {
      account: 'poor',
      password: 'p',
      goodsSupplySmsConfigId: channel.id,
      phone: '639171234567',
      sendContent: 'hi',
    });
    expect(body).toMatchObject({
      stateCode: '402',
      stateMsg: expect.stringMatching(/^\[balance:0\.0010 is below the cost/),
    });
    expect((await server.post('balance', { account: 'poor', password: 'p' })).body.data).toBe(
      '0.0010',
    );
  });

  it('answers 404 for an unknown batch and for another account’s batch', async () => {
    server = injectServer({ accounts: [{ account: 'other', password: 'o', balance: 10 }] });
    const { body } = await server.submit({});
    expect((await server.post('query', { ...DEMO, batchNo: 'missing' })).body.stateCode).toBe(
      '404',
    );
    expect(
      (await server.post('query', { account: 'other', password: 'o', batchNo: body.data })).body
        .stateCode,
    ).toBe('404');
  });

  it('answers 413 above 10,000 numbers and accepts exactly 10,000', async () => {
    server = injectServer();
    const phones = (n: number) =>
      Array.from({ length: n }, (_, i) => `63917${String(i).padStart(7, '0')}`).join(',');
    expect((await server.submit({ phone: phones(10_001) })).body).toMatchObject({
      stateCode: '413',
      stateMsg: expect.stringContaining('[phone:'),
    });
    expect(
      (await server.submit({ phone: phones(10_000).replace(/0003(?=,|$)/g, '0004') })).body
        .stateCode,
    ).toBe('200');
  });

  it('answers 400 naming the field for every bad input', async () => {
    server = injectServer();
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: '' }, 'phone'],
      [{ phone: ',,,' }, 'phone'],
      [{ phone: '63917abc' }, 'phone'],
      [{ phone: '447700900123' }, 'phone'],
      [{ phone: '639170000003' }, 'phone'],
      [{ sendContent: '' }, 'sendContent'],
      [{ sendContent: 12 }, 'sendContent'],
      [{ sendContent: 'x'.repeat(5001) }, 'sendContent'],
      [{ goodsSupplySmsConfigId: 'abc' }, 'goodsSupplySmsConfigId'],
      [{ goodsSupplySmsConfigId: 1.5 }, 'goodsSupplySmsConfigId'],
      [{ goodsSupplySmsConfigId: undefined }, 'goodsSupplySmsConfigId'],
      [{ password: undefined }, 'password'],
      [{ account: ['demo'] }, 'account'],
      [{ colour: 'blue' }, 'colour'],
    ];
    for (const [fields, field] of cases) {
      const { status, body } = await server.submit(fields);
      expect(status).toBe(200);
      expect(body.stateCode, JSON.stringify(fields).slice(0, 60)).toBe('400');
      expect(body.stateMsg).toMatch(new RegExp(`^\\[${field}:`));
    }
    expect(server.app.mockState.batches.size).toBe(0);
  });
});

describe('the four endpoints: malformed requests', () => {
  const raw = (
    payload: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => server.app.inject({ method: 'POST', url: '/api/open/int/sms/balance', payload, headers });

  it.each([
    ['malformed JSON', '{"account":"demo",', undefined, '[body:malformed JSON]'],
    ['a JSON array', '[1,2]', undefined, '[body:must be a JSON object]'],
    ['JSON null', 'null', undefined, '[body:must be a JSON object]'],
    ['an empty body', '', undefined, '[body:must be a JSON object]'],
    [
      'a wrong content type',
      'account=demo',
      { 'content-type': 'application/x-www-form-urlencoded' },
      '[Content-Type:must be application/json]',
    ],
  ])('%s gets 400 with HTTP 200', async (_name, payload, headers, stateMsg) => {
    server = injectServer();
    const response = await raw(payload, headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ stateCode: '400', stateMsg, data: null });
  });

  it('refuses a body over the limit with 413 and never echoes it', async () => {
    server = injectServer({ bodyLimit: 1000 });
    const response = await raw(JSON.stringify({ ...DEMO, pad: 'x'.repeat(2000) }));
    expect(response.json()).toEqual({
      stateCode: '413',
      stateMsg: '[body:larger than 1000 bytes]',
      data: null,
    });
  });

  it('answers other methods with 400 as the Spring service does', async () => {
    server = injectServer();
    const response = await server.app.inject({ method: 'GET', url: '/api/open/int/sms/list' });
    expect(response.json()).toMatchObject({
      stateCode: '400',
      stateMsg: expect.stringContaining('[method:GET'),
    });
  });

  it('never repeats a malformed body (it may hold a password) in the answer', async () => {
    server = injectServer();
    const response = await raw('{"account":"demo","password":"secret-in-broken-json"');
    expect(response.body).not.toContain('secret-in-broken-json');
  });
});
