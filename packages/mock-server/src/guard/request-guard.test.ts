import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMockServer } from '../build-mock-server.js';
import { EXPOSED_WARNING_CODE, startMockServer } from '../start-mock-server.js';
import { DEMO, JSON_HEADERS } from '../test-support/inject.js';

const BALANCE = '/api/open/int/sms/balance';

describe('Host allow-list (DNS rebinding)', () => {
  const app = buildMockServer({ allowedHosts: ['mock', '.example.test'] });
  afterAll(() => app.close());
  const get = (host: string, url = '/__mock/messages') =>
    app.inject({ method: 'GET', url, headers: { host } });

  it.each([
    'localhost:4010',
    'LOCALHOST',
    'inbox.localhost:4010',
    '127.0.0.1:4010',
    '10.1.2.3',
    '[::1]:4010',
    'mock:4010',
    'example.test',
    'a.b.example.test:80',
  ])('answers Host %s', async (host) => {
    expect((await get(host)).statusCode).toBe(200);
  });

  it.each([
    'attacker.example',
    'attacker.example:4010',
    'mock.attacker.example',
    'example.test.evil',
  ])(
    'refuses Host %j on the inspection API (403) and on the sjroom endpoints (envelope 400)',
    async (host) => {
      const inspection = await get(host);
      expect(inspection.statusCode).toBe(403);
      expect(inspection.json().error).toMatch(/^\[Host:.* is not allowed: .*--allowed-host\]$/);
      const api = await app.inject({
        method: 'POST',
        url: BALANCE,
        headers: { host },
        payload: DEMO,
      });
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ stateCode: '400', data: null });
      expect(api.json().stateMsg).toMatch(/^\[Host:/);
    },
  );

  it('refuses a rebinding page over a real socket, before any change takes effect', async () => {
    const mock = await startMockServer();
    try {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = httpRequest(`${mock.url}/__mock/accounts/demo`, {
          method: 'PUT',
          headers: { host: 'rebind.attacker.example', ...JSON_HEADERS },
        });
        req.once('response', (response) => {
          response.resume();
          resolve(response.statusCode);
        });
        req.once('error', reject);
        req.end(JSON.stringify({ balance: '0', password: 'taken' }));
      });
      expect(status).toBe(403);
      expect(mock.state.accounts.get('demo')?.password).toBe(DEMO.password);
    } finally {
      await mock.close();
    }
  });

  it('refuses a request without a Host (HTTP/1.0 over a raw socket)', async () => {
    const mock = await startMockServer();
    try {
      const socket = connect(mock.port, '127.0.0.1');
      socket.end('GET /__mock/health HTTP/1.0\r\n\r\n');
      let answer = '';
      for await (const chunk of socket) answer += chunk;
      expect(answer).toMatch(/^HTTP\/1\.[01] 403 /);
      expect(answer).toContain('[Host:(none) is not allowed');
    } finally {
      await mock.close();
    }
  });

  it('answers any Host with "*"', async () => {
    const open = buildMockServer({ allowedHosts: ['*'] });
    const response = await open.inject({
      method: 'GET',
      url: '/__mock/health',
      headers: { host: 'x.y' },
    });
    expect(response.statusCode).toBe(200);
    await open.close();
  });
});

describe('changes to the mock must be application/json (no cross-site form or beacon)', () => {
  const app = buildMockServer({ receiptDelay: 0 });
  afterAll(() => app.close());

  it.each([
    ['POST', '/__mock/reset', undefined],
    ['POST', '/__mock/reset', 'text/plain'],
    ['DELETE', '/__mock/messages', 'application/x-www-form-urlencoded'],
    ['DELETE', '/__mock/faults', 'multipart/form-data; boundary=x'],
    ['PUT', '/__mock/clock', 'text/plain'],
    ['POST', '/__mock/accounts/demo/top-up', undefined],
  ] as const)('refuses %s %s with Content-Type %s', async (method, url, type) => {
    await app.inject({ method: 'PUT', url: '/__mock/accounts/demo', payload: { balance: '7' } });
    const response = await app.inject({
      method,
      url,
      ...(type ? { headers: { 'content-type': type } } : {}),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: '[Content-Type:must be application/json]' });
    expect(app.mockState.accounts.get('demo')?.balance).toBe(700_000_000n); // 7 in units of 10^-8
  });

  it('accepts them with application/json, with or without a body or charset', async () => {
    for (const type of ['application/json', 'Application/JSON; charset=utf-8']) {
      const reset = await app.inject({
        method: 'POST',
        url: '/__mock/reset',
        headers: { 'content-type': type },
      });
      expect(reset.json()).toEqual({ reset: true });
    }
  });
});

describe('the token', () => {
  const app = buildMockServer({ token: 's3cret-Token' });
  afterAll(() => app.close());
  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it.each(['/__mock/messages', '/__mock/health', '/', '/__mock/ui', '/openapi.json', '/doc.html'])(
    'is required for GET %s, with a challenge a browser answers',
    async (url) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe(
        'Basic realm="intl-sms mock", charset="UTF-8"',
      );
      expect(response.json().error).toMatch(/^\[Authorization:this mock needs its token/);
    },
  );

  it.each([
    ['Bearer s3cret-Token', 200],
    ['bearer   s3cret-Token', 200],
    [basic('', 's3cret-Token'), 200],
    [basic('anyone', 's3cret-Token'), 200],
    ['Bearer s3cret-token', 401],
    ['Bearer s3cret-Token-and-more', 401],
    [basic('s3cret-Token', ''), 401],
    ['s3cret-Token', 401],
  ])('Authorization %j: %i', async (authorization, status) => {
    const response = await app.inject({
      method: 'GET',
      url: '/__mock/health',
      headers: { authorization },
    });
    expect(response.statusCode).toBe(status);
  });

  it('is checked before anything changes', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: '/__mock/accounts/demo',
      payload: { password: 'taken' },
    });
    expect(response.statusCode).toBe(401);
    expect(app.mockState.accounts.get('demo')?.password).toBe(DEMO.password);
  });

  it('is never needed by the sjroom endpoints, which have their own credentials', async () => {
    const response = await app.inject({ method: 'POST', url: BALANCE, payload: DEMO });
    expect(response.json()).toMatchObject({ stateCode: '200', data: '1000.0000' });
  });

  it('cannot be skipped through a path that only starts like an sjroom endpoint', async () => {
    for (const url of [
      '/api/../__mock/messages',
      '/api/open/int/sms/../../../../__mock/health',
      '/api/%2e%2e/__mock/health',
    ])
      expect((await app.inject({ method: 'GET', url })).statusCode).not.toBe(200);
  });

  it.each([
    ['empty', ''],
    ['with a space', 'has space'],
    ['with a tab', 'tab\t'],
    ['not ASCII', 'é'],
    ['too long', 'x'.repeat(1025)],
  ])('refuses a token %s', (_what, token) => {
    expect(() => buildMockServer({ token })).toThrow(
      /token must be 1 to 1024 visible ASCII characters/,
    );
  });
});

describe('the warning when the inspection API is exposed', () => {
  async function warningsOf(options: Parameters<typeof startMockServer>[0]): Promise<string[]> {
    const codes: string[] = [];
    const onWarning = (warning: Error & { code?: string }) => codes.push(warning.code ?? '');
    process.on('warning', onWarning);
    try {
      const mock = await startMockServer(options);
      await mock.close();
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    return codes.filter((code) => code === EXPOSED_WARNING_CODE);
  }

  it('is emitted for 0.0.0.0 without a token, and not with one, nor on loopback', async () => {
    expect(await warningsOf({ host: '0.0.0.0' })).toEqual([EXPOSED_WARNING_CODE]);
    expect(await warningsOf({ host: '0.0.0.0', token: 't' })).toEqual([]);
    expect(await warningsOf({ host: '0.0.0.0', inspection: false })).toEqual([]);
    expect(await warningsOf({ host: '127.0.0.1' })).toEqual([]);
    expect(await warningsOf({ host: 'localhost' })).toEqual([]);
  });
});
