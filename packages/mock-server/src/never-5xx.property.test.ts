import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMockServer } from './build-mock-server.js';
import { ENDPOINTS } from './faults/fault-rule.js';

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
});
