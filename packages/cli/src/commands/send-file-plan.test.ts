import { type BulkRecipient, createSjroomTransport } from '@intl-sms/core';
import { DEMO_CREDENTIALS } from '@intl-sms/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPhone } from '../test-support/csv-fixture.js';
import { cliEnv } from '../test-support/run-cli.js';
import { PLAN_BUFFER_ROWS, planFile } from './send-file-plan.js';

let env: Awaited<ReturnType<typeof cliEnv>>;
beforeAll(async () => {
  env = await cliEnv();
});
afterAll(async () => {
  await env.mock.close();
});

describe('the plan of send --file (dry run, confirmation)', () => {
  // Every row with its own text: no group ever fills, and before the bound the plan held
  // every row of the file until its end.
  it('holds a bounded number of rows at once, whatever the file', async () => {
    const rows = 3_000;
    let read = 0;
    let priced = 0;
    let mostHeld = 0;
    async function* source(): AsyncGenerator<BulkRecipient> {
      for (let i = 0; i < rows; i++) {
        read++;
        yield { to: testPhone(i), text: `Hello customer ${i}` };
      }
    }
    const sms = createSjroomTransport({ ...DEMO_CREDENTIALS, baseUrl: env.mock.url });
    const estimate = sms.estimate.bind(sms);
    sms.estimate = (message, options) => {
      mostHeld = Math.max(mostHeld, read - priced);
      priced += Array.isArray(message.to) ? message.to.length : 1;
      return estimate(message, options);
    };
    try {
      const plan = await planFile(sms, source(), 'text', {});
      expect(plan).toMatchObject({ read: rows, recipients: rows, rejected: 0, segments: rows });
      expect(priced).toBe(rows);
      expect(mostHeld).toBeLessThanOrEqual(2 * PLAN_BUFFER_ROWS);
    } finally {
      await sms.close();
    }
  });
});
