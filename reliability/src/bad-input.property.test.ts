import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SjroomClient, SmsError } from '@intl-sms/core';
import { buildMockServer, ENDPOINTS } from '@intl-sms/mock-server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from './support/figures.js';

const RUNS = 1_000;
const SEED = 20261126;
let server: Server;
let next: { status: number; body: Buffer } = { status: 200, body: Buffer.from('') };
let client: SjroomClient;
const tried = { clientAnswers: 0, mockRequests: 0 };

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(next.status, { 'content-type': 'application/json' });
      response.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new SjroomClient({
    account: 'a',
    password: 'p',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    timeout: 2_000,
    retry: false,
  });
});
afterAll(async () => {
  recordFigures('badInput', {
    clientAnswersTried: tried.clientAnswers,
    mockRequestsTried: tried.mockRequests,
    seed: SEED,
  });
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const deep = fc.integer({ min: 1, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);
const huge = fc
  .integer({ min: 10_000, max: 200_000 })
  .map((n) => JSON.stringify({ stateCode: '200', stateMsg: 'x'.repeat(n), data: 'y' }));
const wrongTypes = fc.record({
  stateCode: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant('200')),
  stateMsg: fc.anything(),
  data: fc.anything(),
});
const answer = fc.record({
  status: fc.constantFrom(200, 200, 200, 400, 404, 429, 500, 502, 503),
  body: fc.oneof(
    fc.uint8Array({ maxLength: 500 }).map((bytes) => Buffer.from(bytes)),
    fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
    deep.map((text) => Buffer.from(text)),
    huge.map((text) => Buffer.from(text)),
    wrongTypes.map((value) => Buffer.from(JSON.stringify(value))),
    fc
      .constantFrom('', '<html><body>502</body></html>', '{"stateCode":"200","stateMsg":"ok","da')
      .map((t) => Buffer.from(t)),
  ),
});
const call = fc.constantFrom(
  () => client.listChannels(),
  () => client.query('B1'),
  () => client.balance(),
  () => client.submit({ channelId: 1, phones: ['639171234567'], content: 'x' }),
);

describe('bad input never crashes anything', () => {
  it(`the client answers ${RUNS} arbitrary responses with a value or a typed SmsError, never a hang`, async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await fc.assert(
        fc.asyncProperty(answer, call, async (response, invoke) => {
          next = response;
          tried.clientAnswers++;
          const started = performance.now();
          const outcome = await invoke().then(
            () => 'value',
            (error: unknown) => error,
          );
          expect(performance.now() - started).toBeLessThan(3_000);
          if (outcome !== 'value') expect(SmsError.isInstance(outcome), String(outcome)).toBe(true);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  }, 120_000);

  it(`the mock answers ${RUNS} arbitrary requests per endpoint with a documented envelope, and keeps serving`, async () => {
    const app = buildMockServer();
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      deep,
      fc
        .record({
          account: fc.anything(),
          password: fc.anything(),
          phone: fc.anything(),
          goodsSupplySmsConfigId: fc.anything(),
        })
        .map((v) => JSON.stringify(v)),
    );
    for (const endpoint of ENDPOINTS) {
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          tried.mockRequests++;
          const response = await app.inject({
            method: 'POST',
            url: `/api/open/int/sms/${endpoint}`,
            headers: { 'content-type': 'application/json' },
            payload,
          });
          expect(response.statusCode).toBeLessThan(500);
          const parsed = response.json();
          if (!Array.isArray(parsed) && 'stateCode' in parsed && parsed.stateCode !== '200') {
            expect(['400', '401', '402', '403', '404', '413']).toContain(parsed.stateCode);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }
    const after = await app.inject({
      method: 'POST',
      url: '/api/open/int/sms/balance',
      payload: { account: 'demo', password: 'demo-password' },
    });
    expect(after.json().stateCode).toBe('200');
    await app.close();
  }, 120_000);
});
