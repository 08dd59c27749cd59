import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CHAIN_LINKS } from '../faults/fault-rule.js';
import { injectServer } from '../test-support/inject.js';

const server = injectServer();
afterAll(async () => {
  await server.app.close();
});

/** A chain of `links` drop rules, each used up after one call. */
function chain(links: number): object {
  let rule: object = { type: 'drop', times: 1 };
  for (let i = 1; i < links; i++) rule = { type: 'drop', times: 1, then: rule };
  return rule;
}

async function errorOf(method: 'PUT' | 'GET', url: string, payload?: unknown, type?: string) {
  const response = await server.app.inject({
    method,
    url,
    ...(payload === undefined
      ? {}
      : {
          headers: { 'content-type': type ?? 'application/json' },
          payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
        }),
  });
  return { status: response.statusCode, error: response.json().error as string };
}

describe('control API errors name the field and say why', () => {
  it.each([
    [[{ type: 'latency' }], '[0.delayMs:required for type latency]'],
    [
      [{ type: 'explode' }],
      '[0.type:must be one of latency, state-code, http-status, drop, rate-limit, reset, truncate, non-json]',
    ],
    [[{}], '[0.type:required]'],
    [[{ type: 'drop', colour: 'red' }], '[0.colour:unknown field]'],
    [
      [{ type: 'state-code', stateCode: true }],
      '[0.stateCode:must be a string like "500" or an integer]',
    ],
    [[{ type: 'state-code', stateCode: '' }], '[0.stateCode:must not be empty]'],
    [
      [{ type: 'state-code', stateCode: 1.5 }],
      '[0.stateCode:must be a string like "500" or an integer]',
    ],
    [[{ type: 'drop', delayMs: 'soon' }], '[0.delayMs:must be a number, got a string]'],
    [[{ type: 'http-status', status: 302 }], '[0.status:must be at least 400]'],
    [[{ type: 'drop', nth: 0 }], '[0.nth:must be at least 1]'],
    [[{ type: 'drop', times: 1.5 }], '[0.times:must be an integer]'],
    [
      [{ type: 'drop', then: { type: 'drop' } }],
      '[0.then:needs times or nth on this rule: without them it is never used up, so then would never start]',
    ],
    [
      [{ type: 'drop', times: 1, then: { type: 'latency' } }],
      '[0.then.delayMs:required for type latency]',
    ],
    [[{ type: 'drop', times: 1, then: 'drop' }], '[0.then:must be an object, got a string]'],
    [
      [{ type: 'drop', country: 'XX' }],
      `[0.country:unknown country "XX": use a calling code like "63" or an ISO code like "PH" of the mock's countries]`,
    ],
    [
      [{ type: 'drop', endpoint: 'balance', country: 'PH' }],
      '[0.country:matches submits only; endpoint balance never has it]',
    ],
    [
      [{ type: 'drop', channelId: 'ten' }],
      '[0.channelId:must be a channel id: a non-negative integer or its digits]',
    ],
    [
      [{ type: 'drop', phone: '12' }],
      '[0.phone:must be a phone number of 6-15 digits (a + and spaces are ignored)]',
    ],
    [[{ type: 'drop', omitData: true }], '[0.omitData:only for type state-code]'],
    [
      [{ type: 'rate-limit', limit: 1, probability: 0.5 }],
      '[0.probability:not for type rate-limit (it answers by rate, not by chance)]',
    ],
    [[{ type: 'drop' }, 'drop'], '[1:must be an object, got a string]'],
    [{ rules: [{ type: 'drop', nth: 0 }] }, '[rules.0.nth:must be at least 1]'],
    [{ rule: [] }, '[rules:required]'],
    [null, '[body:must be an array of fault rules, or { "rules": [...] }]'],
    [[{ type: 'drop', 'a]: b': 1 }], '[0."a\\u005d\\u003a b":unknown field]'],
    [[chain(MAX_CHAIN_LINKS + 1)], `[0.then:a chain has at most ${MAX_CHAIN_LINKS} links]`],
  ])('PUT /__mock/faults %j → %s', async (payload, message) => {
    expect(await errorOf('PUT', '/__mock/faults', payload)).toEqual({
      status: 400,
      error: message,
    });
  });

  it(`accepts a chain of ${MAX_CHAIN_LINKS} links`, async () => {
    const put = await server.putFaults([chain(MAX_CHAIN_LINKS)]);
    expect(put.status).toBe(200);
    await server.putFaults([]);
  });

  it('accepts a numeric stateCode and answers it as the string', async () => {
    const put = await server.putFaults([
      { type: 'state-code', stateCode: 500, endpoint: 'balance' },
    ]);
    expect(put.body.rules[0].stateCode).toBe('500');
    const answer = await server.post('balance', { account: 'demo', password: 'demo-password' });
    expect(answer.body).toEqual({ stateCode: '500', stateMsg: 'injected fault', data: null });
    await server.putFaults([]);
  });

  it('omitData answers the envelope without its data key, as Jackson NON_NULL does', async () => {
    await server.setFaults([
      { type: 'state-code', stateCode: 500, stateMsg: 'boom', omitData: true, endpoint: 'balance' },
    ]);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/open/int/sms/balance',
      payload: { account: 'demo', password: 'demo-password' },
    });
    expect(response.body).toBe('{"stateCode":"500","stateMsg":"boom"}');
    await server.putFaults([]);
  });

  it.each([
    ['PUT', '/__mock/faults', '[{"type":', undefined, '[body:malformed JSON]'],
    ['PUT', '/__mock/faults', 'type=drop', 'text/plain', '[Content-Type:must be application/json]'],
    ['PUT', '/__mock/clock', '{speed:1}', undefined, '[body:malformed JSON]'],
    ['PUT', '/__mock/clock', { speed: -1 }, undefined, '[speed:must be at least 0]'],
    [
      'PUT',
      '/__mock/clock',
      { speed: 'fast' },
      undefined,
      '[speed:must be a number, got a string]',
    ],
    ['PUT', '/__mock/clock', { advanceMs: 1.5 }, undefined, '[advanceMs:must be an integer]'],
    ['PUT', '/__mock/clock', { rewindMs: 5 }, undefined, '[rewindMs:unknown field]'],
    [
      'PUT',
      '/__mock/accounts/demo',
      { balance: true },
      undefined,
      '[balance:must be a string or a number]',
    ],
    [
      'PUT',
      '/__mock/accounts/demo',
      { channels: 'some' },
      undefined,
      '[channels:must be an array or one of all, none]',
    ],
    ['PUT', '/__mock/accounts/demo', { password: '' }, undefined, '[password:must not be empty]'],
    ['PUT', '/__mock/accounts/demo', '{"balance":', undefined, '[body:malformed JSON]'],
    [
      'GET',
      '/__mock/messages?limit=ten',
      undefined,
      undefined,
      '[limit:must be a non-negative integer]',
    ],
    [
      'GET',
      '/__mock/messages?offset=-1',
      undefined,
      undefined,
      '[offset:must be a non-negative integer]',
    ],
    [
      'GET',
      '/__mock/wait?timeout=1s',
      undefined,
      undefined,
      '[timeout:must be a non-negative integer]',
    ],
    ['GET', '/__mock/wait?since=x', undefined, undefined, '[since:must be a non-negative integer]'],
  ] as const)('%s %s %j → %s', async (method, url, payload, type, message) => {
    expect(await errorOf(method, url, payload, type)).toEqual({ status: 400, error: message });
  });

  it('names the path parameter of an unknown account or batch (404)', async () => {
    expect(await errorOf('GET', '/__mock/accounts/nobody')).toEqual({
      status: 404,
      error: '[account:no such account]',
    });
    expect(await errorOf('GET', '/__mock/messages/0')).toEqual({
      status: 404,
      error: '[batchNo:no such batch]',
    });
  });
});
