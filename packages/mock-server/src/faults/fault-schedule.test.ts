import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO, injectServer, JSON_HEADERS } from '../test-support/inject.js';
import type { FaultRuleInput } from './fault-rule.js';

let server: ReturnType<typeof injectServer>;
beforeEach(() => {
  // Freeze Date only: rate-limit windows then never roll over mid-test, while Fastify's timers run.
  vi.useFakeTimers({ toFake: ['Date'] });
  server = injectServer();
});
afterEach(async () => {
  vi.useRealTimers();
  await server.app.close();
});

/** The `stateCode` of each of `count` balance calls. */
async function balanceCodes(count: number): Promise<string[]> {
  const codes = [];
  for (let i = 0; i < count; i++) codes.push((await server.post('balance', DEMO)).body.stateCode);
  return codes;
}

const code = (stateCode: string, more: Partial<FaultRuleInput> = {}): FaultRuleInput => ({
  type: 'state-code',
  stateCode,
  endpoint: 'balance',
  ...more,
});

describe('nth, times and then', () => {
  it('nth: N lets N-1 matching calls pass and applies to the Nth only (times defaults to 1)', async () => {
    await server.setFaults([code('500', { nth: 3 })]);
    await server.post('list', DEMO);
    expect(await balanceCodes(2)).toEqual(['200', '200']);
    expect(await server.listFaults()).toEqual([
      expect.objectContaining({ nth: 3, matched: 2, remaining: 1 }),
    ]);
    expect(await balanceCodes(3)).toEqual(['500', '200', '200']);
    expect(await server.listFaults()).toEqual([]);
  });

  it('nth with times applies to the Nth matching call and the times-1 after it', async () => {
    await server.setFaults([code('500', { nth: 2, times: 3 })]);
    expect(await balanceCodes(6)).toEqual(['200', '500', '500', '500', '200', '200']);
  });

  it('a rule without times or nth is never used up and lists remaining: null', async () => {
    await server.setFaults([code('500')]);
    expect(await balanceCodes(3)).toEqual(['500', '500', '500']);
    expect(await server.listFaults()).toEqual([
      expect.objectContaining({ matched: 3, remaining: null }),
    ]);
  });

  it('then: the next link takes over once a link is used up, each with its own matchers', async () => {
    await server.setFaults([
      {
        id: 'first',
        ...code('401', { times: 1 }),
        then: { id: 'second', type: 'state-code', stateCode: '500', endpoint: 'list', times: 1 },
      },
    ]);
    expect((await server.post('list', DEMO)).status).toBe(200);
    expect(await balanceCodes(1)).toEqual(['401']);
    expect(await server.listFaults()).toEqual([
      expect.objectContaining({ id: 'second', endpoint: 'list', matched: 0, remaining: 1 }),
    ]);
    expect(await balanceCodes(1)).toEqual(['200']);
    expect((await server.post('list', DEMO)).body.stateCode).toBe('500');
    expect(await server.listFaults()).toEqual([]);
  });

  it('a three-link chain runs link by link, then calls are normal again', async () => {
    await server.setFaults([
      {
        ...code('500', { times: 1 }),
        then: {
          type: 'http-status',
          status: 503,
          endpoint: 'balance',
          nth: 2,
          then: code('429', { times: 2 }),
        },
      },
    ]);
    const seen = [];
    const listed = [];
    for (let i = 0; i < 7; i++) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/open/int/sms/balance',
        payload: DEMO,
      });
      seen.push(
        response.statusCode === 200 ? response.json().stateCode : `HTTP ${response.statusCode}`,
      );
      listed.push(
        (await server.listFaults()).map((rule) => `${rule.type}:${rule.matched}/${rule.remaining}`),
      );
    }
    expect(seen).toEqual(['500', '200', 'HTTP 503', '429', '429', '200', '200']);
    expect(listed).toEqual([
      ['http-status:0/1'],
      ['http-status:1/1'],
      ['state-code:0/2'],
      ['state-code:1/1'],
      [],
      [],
      [],
    ]);
  });

  it('a rule counts every call its matchers match, also calls another rule answered', async () => {
    await server.setFaults([code('401', { times: 2 }), code('500', { nth: 3 })]);
    expect(await balanceCodes(2)).toEqual(['401', '401']);
    expect((await server.listFaults())[0]).toMatchObject({ stateCode: '500', matched: 2 });
    expect(await balanceCodes(2)).toEqual(['500', '200']);
  });

  it('a due rule whose call an earlier rule answers stays due for its next matching call', async () => {
    await server.setFaults([code('401', { nth: 2 }), code('500', { nth: 2 })]);
    expect(await balanceCodes(4)).toEqual(['200', '401', '500', '200']);
  });

  it('a due latency rule applies alongside the fault that answers, and counts as applied', async () => {
    await server.setFaults([
      { type: 'latency', delayMs: 1, endpoint: 'balance', nth: 2 },
      code('500', { nth: 2 }),
    ]);
    expect(await balanceCodes(3)).toEqual(['200', '500', '200']);
    expect(await server.listFaults()).toEqual([]);
  });

  it('rate-limit honours times: it is used up after that many 429 answers', async () => {
    await server.setFaults([{ type: 'rate-limit', limit: 1, endpoint: 'balance', times: 2 }]);
    expect(await balanceCodes(2)).toEqual(['200', '429']);
    expect((await server.listFaults())[0]).toMatchObject({ matched: 2, remaining: 1 });
    expect(await balanceCodes(3)).toEqual(['429', '200', '200']);
    expect(await server.listFaults()).toEqual([]);
  });

  it('a rate-limit link can hand over to the next one', async () => {
    await server.setFaults([
      {
        type: 'rate-limit',
        limit: 0,
        endpoint: 'balance',
        times: 1,
        then: code('500', { times: 1 }),
      },
    ]);
    expect(await balanceCodes(3)).toEqual(['429', '500', '200']);
  });

  it('reset restores the start rules with fresh counters', async () => {
    await server.app.close();
    server = injectServer({ faults: [code('500', { nth: 2 })] });
    expect(await balanceCodes(2)).toEqual(['200', '500']);
    await server.app.inject({ method: 'POST', url: '/__mock/reset', headers: JSON_HEADERS });
    expect(await server.listFaults()).toEqual([
      expect.objectContaining({ matched: 0, remaining: 1 }),
    ]);
    expect(await balanceCodes(2)).toEqual(['200', '500']);
  });

  it('probability with nth and times stays reproducible from the seed', async () => {
    const run = async () => {
      const mock = injectServer({ seed: 11 });
      await mock.setFaults([code('500', { nth: 3, times: 6, probability: 0.5 })]);
      const codes = [];
      for (let i = 0; i < 30; i++) codes.push((await mock.post('balance', DEMO)).body.stateCode);
      await mock.app.close();
      return codes;
    };
    const first = await run();
    expect(first.slice(0, 2)).toEqual(['200', '200']);
    expect(first.filter((c) => c === '500')).toHaveLength(6);
    expect(first.indexOf('500')).toBeGreaterThanOrEqual(2);
    expect(first.lastIndexOf('500')).toBeGreaterThan(7);
    expect(await run()).toEqual(first);
  });

  it('the listed active link can be put back as it is', async () => {
    await server.setFaults([
      { ...code('401', { times: 1 }), then: { ...code('500', { times: 1 }), then: code('403') } },
    ]);
    await balanceCodes(1);
    const listed = await server.listFaults();
    const bare = listed.map(({ matched: _m, remaining: _r, ...rule }) => rule);
    const put = await server.putFaults(bare);
    expect(put.status).toBe(200);
    expect(put.body.rules).toEqual(listed);
  });
});
