import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMockServer } from './build-mock-server.js';
import { ENDPOINTS, FAULT_TYPES } from './faults/fault-rule.js';

const app = buildMockServer();
afterAll(async () => {
  await app.close();
});

const DOCUMENTED_CODES = ['400', '401', '402', '403', '404', '413'];
const endpoint = fc.constantFrom(...ENDPOINTS);
const field = fc.oneof(
  fc.json(),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.array(fc.string()),
  fc.constant('demo'),
  fc.constant('demo-password'),
);
const plausibleBody = fc.record(
  {
    account: field,
    password: field,
    goodsSupplySmsConfigId: field,
    phone: field,
    sendContent: field,
    batchNo: field,
  },
  { requiredKeys: [] },
);

describe('random requests never produce a 5xx', () => {
  it('answers arbitrary JSON to every endpoint with a documented envelope', async () => {
    await fc.assert(
      fc.asyncProperty(endpoint, fc.oneof(fc.jsonValue(), plausibleBody), async (name, body) => {
        const response = await app.inject({
          method: 'POST',
          url: `/api/open/int/sms/${name}`,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'null',
        });
        expect(response.statusCode).toBe(200);
        const answer = response.json();
        if (!Array.isArray(answer) && answer.stateCode !== '200' && !('totalNum' in answer)) {
          expect(DOCUMENTED_CODES).toContain(answer.stateCode);
          expect(answer.stateMsg).toMatch(/^\[[^:\]]+:/);
        }
      }),
      { numRuns: 400, seed: 20261126 },
    );
  });

  it('answers arbitrary bytes with a 400 envelope', async () => {
    await fc.assert(
      fc.asyncProperty(endpoint, fc.uint8Array({ maxLength: 300 }), async (name, bytes) => {
        const response = await app.inject({
          method: 'POST',
          url: `/api/open/int/sms/${name}`,
          headers: { 'content-type': 'application/json' },
          payload: Buffer.from(bytes),
        });
        expect(response.statusCode).toBe(200);
        expect(['200', '400', '401']).toContain(response.json().stateCode ?? '200');
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it('answers deep nesting and huge strings without crashing, and still serves afterwards', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const huge = JSON.stringify({ account: 'x'.repeat(900_000), password: 'p' });
    for (const payload of [deep, huge]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/open/int/sms/list',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().stateCode).toBe('400');
    }
    const after = await app.inject({
      method: 'POST',
      url: '/api/open/int/sms/balance',
      payload: { account: 'demo', password: 'demo-password' },
    });
    expect(after.json().stateCode).toBe('200');
  });

  it('answers arbitrary bodies to the control routes with 200 or a 400 naming the field', async () => {
    const ruleLike = fc.record(
      {
        type: fc.oneof(fc.constantFrom(...FAULT_TYPES), field),
        endpoint: fc.oneof(fc.constantFrom(...ENDPOINTS, '*'), field),
        country: fc.oneof(fc.constantFrom('63', '+63', 'PH', 'ph', 63, 'XX'), field),
        channelId: fc.oneof(fc.constantFrom(10001, '10001', '9007199254740993001'), field),
        phone: fc.oneof(fc.constantFrom('639171234567', '+63 917 123 4567'), field),
        stateCode: fc.oneof(fc.constantFrom(500, '500'), field),
        delayMs: fc.oneof(fc.constant(0), field),
        status: fc.oneof(fc.constant(502), field),
        limit: fc.oneof(fc.constant(1), field),
        nth: fc.oneof(fc.integer({ min: 0, max: 3 }), field),
        times: fc.oneof(fc.integer({ min: 0, max: 3 }), field),
        probability: field,
        omitData: fc.oneof(fc.boolean(), field),
        then: fc.oneof(field, fc.record({ type: fc.constantFrom(...FAULT_TYPES) })),
      },
      { requiredKeys: [] },
    );
    const route = fc.constantFrom(
      '/__mock/faults',
      '/__mock/clock',
      '/__mock/accounts/demo',
      '/__mock/accounts/prop-test',
    );
    const body = fc.oneof(fc.jsonValue(), fc.array(ruleLike, { maxLength: 3 }), ruleLike);
    await fc.assert(
      fc.asyncProperty(route, body, async (url, payload) => {
        const response = await app.inject({
          method: 'PUT',
          url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(payload) ?? 'null',
        });
        expect([200, 400]).toContain(response.statusCode);
        if (response.statusCode === 400) expect(response.json().error).toMatch(/^\[[^:\]]+:.+\]$/s);
      }),
      { numRuns: 400, seed: 20261201 },
    );
    await app.inject({ method: 'POST', url: '/__mock/reset' });
  });
});
