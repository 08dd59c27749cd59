import { afterEach, describe, expect, it } from 'vitest';
import { buildMockServer } from '../build-mock-server.js';
import { DEMO, injectServer, JSON_HEADERS } from '../test-support/inject.js';

let server: ReturnType<typeof injectServer>;
afterEach(async () => {
  await server.app.close();
});

const get = (url: string) => server.app.inject({ method: 'GET', url });

describe('inspection API: messages', () => {
  it('lists messages newest first with filters, and shows one with its receipts', async () => {
    server = injectServer({ receiptDelay: 0 });
    const first = (await server.submit({ phone: '639171234567', sendContent: 'first' })).body.data;
    const second = (
      await server.submit({ phone: '639181234567,639170000001', sendContent: '你好' })
    ).body.data;
    const all = (await get('/__mock/messages')).json();
    expect(all.total).toBe(2);
    expect(all.messages.map((m: { batchNo: string }) => m.batchNo)).toEqual([second, first]);
    expect(all.messages[0]).toMatchObject({
      account: 'demo',
      countryCode: '63',
      iso: 'PH',
      text: '你好',
      encoding: 'UCS-2',
      segments: 1,
      recipientCount: 2,
      receipts: { delivered: 1, failed: 1, pending: 0 },
      request: { password: '********', phone: '639181234567,639170000001' },
    });
    expect((await get('/__mock/messages?phone=%2B639171234567')).json().messages).toHaveLength(1);
    expect((await get(`/__mock/messages?batchNo=${second}`)).json().total).toBe(1);
    expect((await get('/__mock/messages?account=nobody')).json().total).toBe(0);
    expect((await get('/__mock/messages?limit=1&offset=1')).json().messages[0].batchNo).toBe(first);
    expect((await get(`/__mock/messages/${first}`)).json().recipients).toEqual([
      expect.objectContaining({ phone: '639171234567', status: 'delivered' }),
    ]);
    expect((await get('/__mock/messages/none')).statusCode).toBe(404);
    expect((await get('/__mock/messages?limit=x')).statusCode).toBe(400);
    await server.app.inject({ method: 'DELETE', url: '/__mock/messages', headers: JSON_HEADERS });
    expect((await get('/__mock/messages')).json().total).toBe(0);
  });

  it('says which characters forced UCS-2 and what smart encoding would send instead', async () => {
    server = injectServer({ receiptDelay: 0 });
    const curly = (await server.submit({ sendContent: '\u201cHi\u201d \u2014 ok' })).body.data;
    const chinese = (await server.submit({ sendContent: '\u201cHi\u201d 你好' })).body.data;
    const gsm = (await server.submit({ sendContent: '"Hi" - ok' })).body.data;
    expect((await get(`/__mock/messages/${curly}`)).json()).toMatchObject({
      encoding: 'UCS-2',
      ucs2: {
        forcedBy: ['\u201c', '\u201d', '\u2014'],
        noLookalike: [],
        smartEncoding: { text: '"Hi" - ok', segments: 1, wouldSend: true },
      },
    });
    expect((await get(`/__mock/messages/${chinese}`)).json().ucs2).toEqual({
      forcedBy: ['\u201c', '\u201d', '你', '好'],
      noLookalike: ['你', '好'],
    });
    expect((await get(`/__mock/messages/${gsm}`)).json()).not.toHaveProperty('ucs2');
  });

  it('long-polls until a matching message arrives, without sleeping in the test', async () => {
    server = injectServer();
    const waiting = get('/__mock/wait?phone=639187777777&timeout=5000');
    await server.submit({ phone: '639171111111' });
    await server.submit({ phone: '639187777777', sendContent: 'the one' });
    const response = await waiting;
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ text: 'the one' });
    const since = response.json().seq;
    expect(
      (await get(`/__mock/wait?phone=639187777777&since=${since}&timeout=50`)).statusCode,
    ).toBe(408);
  });
});

describe('inspection API: accounts', () => {
  it('creates, updates, shows and tops up accounts, never showing a password', async () => {
    server = injectServer();
    const ph = server.enabledChannel('63');
    const created = await server.app.inject({
      method: 'PUT',
      url: '/__mock/accounts/acme',
      payload: { password: 'acme-secret', balance: '5.5', channels: [ph.id] },
    });
    expect(created.statusCode).toBe(200);
    expect(created.body).not.toContain('acme-secret');
    expect(created.json()).toMatchObject({
      account: 'acme',
      balance: '5.5000',
      channelIds: [ph.id],
    });
    expect(
      (await server.post('list', { account: 'acme', password: 'acme-secret' })).body,
    ).toHaveLength(1);
    const topped = await server.app.inject({
      method: 'POST',
      url: '/__mock/accounts/acme/top-up',
      payload: { amount: '0.0001' },
    });
    expect(topped.json().balance).toBe('5.5001');
    const shown = await get('/__mock/accounts/acme');
    expect(shown.body).not.toContain('acme-secret');
    expect(shown.json().channels[0].id).toBe(ph.id);
    expect(
      (await get('/__mock/accounts')).json().accounts.map((a: { account: string }) => a.account),
    ).toEqual(['demo', 'acme']);
  });

  it('refuses bad account changes with 400 naming the field', async () => {
    server = injectServer();
    const put = (account: string, payload: object) =>
      server.app.inject({ method: 'PUT', url: `/__mock/accounts/${account}`, payload });
    expect((await put('new', { balance: '1' })).json().error).toBe(
      '[password:required for a new account]',
    );
    expect((await put('demo', { balance: '1.000000001' })).json().error).toMatch(/^\[balance:/);
    expect((await put('demo', { channels: [999] })).json().error).toMatch(
      /^\[channels:unknown channel id 999/,
    );
    expect((await put('demo', { colour: 'red' })).json().error).toBe('[colour:unknown field]');
    expect((await get('/__mock/accounts/ghost')).statusCode).toBe(404);
  });
});

describe('inspection API: control', () => {
  it('resets to the start state', async () => {
    server = injectServer();
    await server.submit({});
    await server.app.inject({
      method: 'PUT',
      url: '/__mock/accounts/demo',
      payload: { balance: '1' },
    });
    await server.app.inject({ method: 'PUT', url: '/__mock/faults', payload: [{ type: 'drop' }] });
    await server.app.inject({ method: 'POST', url: '/__mock/reset', headers: JSON_HEADERS });
    expect((await server.post('balance', DEMO)).body.data).toBe('1000.0000');
    expect((await get('/__mock/health')).json()).toEqual({
      status: 'ok',
      messages: 0,
      recipients: 0,
      accounts: 1,
      pendingCalls: 0,
      fastLaneCalls: 0,
    });
  });

  it('steers the receipt clock: frozen, then advanced', async () => {
    server = injectServer({ receiptDelay: { minMs: 1000, maxMs: 2000 } });
    await server.app.inject({ method: 'PUT', url: '/__mock/clock', payload: { speed: 0 } });
    const batchNo = (await server.submit({ phone: '639171234567,639181234567' })).body.data;
    expect((await server.post('query', { ...DEMO, batchNo })).body.totalNum).toBe(0);
    await server.app.inject({ method: 'PUT', url: '/__mock/clock', payload: { advanceMs: 2000 } });
    expect((await server.post('query', { ...DEMO, batchNo })).body.totalNum).toBe(2);
    expect(
      (await server.app.inject({ method: 'PUT', url: '/__mock/clock', payload: { speed: -1 } }))
        .statusCode,
    ).toBe(400);
  });

  it('serves the OpenAPI description and the doc page', async () => {
    server = injectServer();
    const doc = (await get('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/open/int/sms/list',
        '/api/open/int/sms/submit',
        '/api/open/int/sms/query',
        '/api/open/int/sms/balance',
        '/__mock/messages',
        '/__mock/faults',
      ]),
    );
    expect(
      doc.paths['/api/open/int/sms/submit'].post.requestBody.content['application/json'].schema
        .required,
    ).toEqual(
      expect.arrayContaining([
        'account',
        'password',
        'goodsSupplySmsConfigId',
        'phone',
        'sendContent',
      ]),
    );
    const page = await get('/doc.html');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
  });

  it('serves the web inbox at / and /__mock/ui, self-contained', async () => {
    server = injectServer();
    for (const url of ['/', '/__mock/ui']) {
      const page = await get(url);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<title>SMS inbox');
      expect(page.body).not.toMatch(/(src|href)="https?:/);
    }
  });

  it('filters messages by country and text', async () => {
    server = injectServer();
    await server.submit({ phone: '639171234567', sendContent: 'Hello Manila' });
    expect((await get('/__mock/messages?country=PH')).json().total).toBe(1);
    expect((await get('/__mock/messages?country=%2B63')).json().total).toBe(1);
    expect((await get('/__mock/messages?country=GB')).json().total).toBe(0);
    expect((await get('/__mock/messages?text=manila')).json().total).toBe(1);
    expect((await get('/__mock/messages?text=paris')).json().total).toBe(0);
  });

  it('can be switched off, leaving only the four endpoints', async () => {
    const app = buildMockServer({ inspection: false });
    expect((await app.inject({ method: 'GET', url: '/__mock/messages' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/openapi.json' })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: '/api/open/int/sms/balance', payload: DEMO })).json()
        .stateCode,
    ).toBe('200');
    await app.close();
    server = injectServer();
  });
});
