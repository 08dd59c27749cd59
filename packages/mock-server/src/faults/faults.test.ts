import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, injectServer, JSON_HEADERS } from '../test-support/inject.js';

let server: ReturnType<typeof injectServer>;
afterEach(async () => {
  await server.app.close();
});

describe('faults on demand', () => {
  it('answers an injected business code without processing', async () => {
    server = injectServer();
    await server.setFaults([
      { type: 'state-code', endpoint: 'submit', stateCode: '500', stateMsg: 'boom' },
    ]);
    expect((await server.submit({})).body).toEqual({
      stateCode: '500',
      stateMsg: 'boom',
      data: null,
    });
    expect(server.app.mockState.batches.size).toBe(0);
    expect((await server.post('balance', DEMO)).body.data).toBe('1000.0000');
  });

  it('answers a bare HTTP error status, as a gateway would', async () => {
    server = injectServer();
    await server.setFaults([{ type: 'http-status', status: 502 }]);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/open/int/sms/list',
      payload: DEMO,
    });
    expect(response.statusCode).toBe(502);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('fails only the next N calls', async () => {
    server = injectServer();
    await server.setFaults([{ type: 'state-code', stateCode: '500', times: 2 }]);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await server.post('balance', DEMO)).body.stateCode);
    expect(codes).toEqual(['500', '500', '200', '200']);
  });

  it('matches by endpoint and by account', async () => {
    server = injectServer({ accounts: [{ account: 'other', password: 'o' }] });
    await server.setFaults([
      { type: 'state-code', stateCode: '429', account: 'other', endpoint: 'balance' },
    ]);
    expect((await server.post('balance', DEMO)).body.stateCode).toBe('200');
    expect((await server.post('list', { account: 'other', password: 'o' })).status).toBe(200);
    expect((await server.post('balance', { account: 'other', password: 'o' })).body.stateCode).toBe(
      '429',
    );
  });

  it('rate limits beyond N requests per second with 429 and Retry-After', async () => {
    server = injectServer();
    await server.setFaults([{ type: 'rate-limit', limit: 3, endpoint: 'balance' }]);
    const responses = [];
    for (let i = 0; i < 5; i++) {
      responses.push(
        await server.app.inject({
          method: 'POST',
          url: '/api/open/int/sms/balance',
          payload: DEMO,
        }),
      );
    }
    expect(responses.map((r) => r.json().stateCode)).toEqual(['200', '200', '200', '429', '429']);
    expect(responses[4]?.headers['retry-after']).toBe('1');
  });

  it('adds latency before answering', async () => {
    server = injectServer();
    await server.setFaults([{ type: 'latency', delayMs: 120 }]);
    const started = performance.now();
    expect((await server.post('balance', DEMO)).body.stateCode).toBe('200');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('truncates the body of a processed submit', async () => {
    server = injectServer();
    await server.setFaults([{ type: 'truncate', endpoint: 'submit' }]);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/open/int/sms/submit',
      payload: {
        ...DEMO,
        goodsSupplySmsConfigId: server.enabledChannel('63').id,
        phone: '639171234567',
        sendContent: 'x',
      },
    });
    expect(() => JSON.parse(response.body)).toThrow();
    expect(server.app.mockState.batches.size).toBe(1);
  });

  it.each([
    [{ type: 'state-code', stateCode: '500', afterProcessing: true }, 200, '"stateCode":"500"'],
    [{ type: 'http-status', status: 502, afterProcessing: true }, 502, '502 injected'],
  ] as const)('processes the submit, then answers %j', async (rule, status, body) => {
    server = injectServer();
    await server.setFaults([{ ...rule, endpoint: 'submit' }]);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/open/int/sms/submit',
      payload: {
        ...DEMO,
        goodsSupplySmsConfigId: server.enabledChannel('63').id,
        phone: '639171234567',
        sendContent: 'x',
      },
    });
    expect(response.statusCode).toBe(status);
    expect(response.body).toContain(body);
    expect(server.app.mockState.batches.size).toBe(1);
    expect((await server.post('balance', DEMO)).body.data).not.toBe('1000.0000');
  });

  it('refuses afterProcessing on a fault that has no answer of its own', async () => {
    server = injectServer();
    const response = await server.app.inject({
      method: 'PUT',
      url: '/__mock/faults',
      payload: [{ type: 'reset', afterProcessing: true }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toContain('afterProcessing');
  });

  it('refuses afterProcessing with a business code that proves nothing was processed', async () => {
    server = injectServer();
    for (const stateCode of ['400', 401, '402', '403', '413', 429]) {
      const response = await server.app.inject({
        method: 'PUT',
        url: '/__mock/faults',
        payload: [{ type: 'state-code', stateCode, afterProcessing: true }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toContain(`afterProcessing:not with stateCode ${stateCode}:`);
    }
    // The same codes answered before processing, and others after it, stay allowed.
    await server.setFaults([
      { type: 'state-code', stateCode: '429' },
      { type: 'state-code', stateCode: '404', afterProcessing: true },
      { type: 'state-code', stateCode: '429', afterProcessing: false },
    ]);
  });

  it('answers an HTML page with status 200 after processing (non-json)', async () => {
    server = injectServer();
    await server.setFaults([{ type: 'non-json', endpoint: 'submit' }]);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/open/int/sms/submit',
      payload: {
        ...DEMO,
        goodsSupplySmsConfigId: server.enabledChannel('63').id,
        phone: '639171234567',
        sendContent: 'x',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html>');
    expect(server.app.mockState.batches.size).toBe(1);
  });

  it('applies probabilistic faults reproducibly from the seed', async () => {
    const run = async () => {
      server = injectServer({ seed: 7 });
      await server.setFaults([{ type: 'state-code', stateCode: '500', probability: 0.5 }]);
      const codes = [];
      for (let i = 0; i < 20; i++) codes.push((await server.post('balance', DEMO)).body.stateCode);
      await server.app.close();
      return codes.join(',');
    };
    const first = await run();
    expect(first).toContain('500');
    expect(first).toContain('200');
    expect(await run()).toBe(first);
    server = injectServer();
  });

  it('refuses a malformed rule naming the field, and lists and clears rules', async () => {
    server = injectServer();
    const bad = await server.app.inject({
      method: 'PUT',
      url: '/__mock/faults',
      payload: [{ type: 'latency' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^\[0\.delayMs:/);
    const unknown = await server.app.inject({
      method: 'PUT',
      url: '/__mock/faults',
      payload: [{ type: 'explode' }],
    });
    expect(unknown.statusCode).toBe(400);
    await server.setFaults([{ type: 'drop', endpoint: 'query', id: 'd1' }]);
    expect(
      (await server.app.inject({ method: 'GET', url: '/__mock/faults' })).json().rules,
    ).toEqual([expect.objectContaining({ id: 'd1', type: 'drop', endpoint: 'query' })]);
    await server.app.inject({ method: 'DELETE', url: '/__mock/faults', headers: JSON_HEADERS });
    expect(
      (await server.app.inject({ method: 'GET', url: '/__mock/faults' })).json().rules,
    ).toEqual([]);
  });

  it('refuses a bad start rule with a RangeError naming the field', () => {
    expect(() => injectServer({ faults: [{ type: 'drop' }, { type: 'latency' }] })).toThrow(
      new RangeError('[faults.1.delayMs:required for type latency]'),
    );
    server = injectServer();
  });
});
