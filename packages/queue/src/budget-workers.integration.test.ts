import { createSjroomTransport, Decimal, type SjroomTransport } from '@intl-sms/core';
import { type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStatus } from './campaign/campaign-status.js';
import { createSmsQueue, type SmsQueue } from './create-sms-queue.js';
import { mockControl } from './test-support/mock-control.js';
import { eachOnce, submittedCounts } from './test-support/mock-inspection.js';
import { COUNTRY_PREFIXES, numbers } from './test-support/numbers.js';
import { testRedis } from './test-support/redis-server.js';
import {
  startWorkerProcesses,
  stopWorkerProcesses,
  type WorkerProcess,
} from './test-support/worker-processes.js';

// Several worker *processes* racing for the last of a campaign's budget.
let mock: RunningMockServer;
let transport: SjroomTransport;
let redis: { url: string; close(): Promise<void> };
let workers: WorkerProcess[] = [];
let queue: SmsQueue | undefined;

beforeAll(async () => {
  redis = await testRedis();
  mock = await startMockServer({ receiptDelay: { minMs: 20, maxMs: 100 } });
  transport = createSjroomTransport({
    baseUrl: mock.url,
    account: 'demo',
    password: 'demo-password',
  });
  await mockControl(mock.url).setBalance('1000.0000');
});
afterEach(async () => {
  await stopWorkerProcesses(workers);
  workers = [];
  await queue?.close();
});
afterAll(async () => {
  await transport?.close();
  await mock?.close();
  await redis?.close();
});

/** Polls until the campaign is in a state it does not leave by itself. */
async function finalStatus(id: string): Promise<CampaignStatus> {
  for (;;) {
    const status = await queue?.getCampaign(id, { limit: 0 });
    if (status && ['completed', 'budget-exceeded', 'needs-reconciliation'].includes(status.state))
      return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const balance = async () => (await transport.getBalance()).value;

describe('a campaign budget across worker processes', () => {
  it('stops exactly at maxCost with three processes racing for it, and finishes once raised', async () => {
    const name = `budget-${process.pid}-${Date.now()}`;
    queue = createSmsQueue({ connection: redis.url, name });
    const phones = numbers(COUNTRY_PREFIXES.PH, 400, 7, 5_000);
    const text = 'Your budget-capped notice';
    // Every chunk of 10 PH numbers costs the same: the price of the channel they route to.
    const chunk = Decimal.parse(
      (await transport.estimate({ to: phones.slice(0, 10), text })).totalCost,
    );
    // Exactly 13 chunks: the 13th takes the committed cost to the cap itself (≤ holds),
    // every later one would cross it.
    const cap = chunk.multiply(13);
    workers = await startWorkerProcesses(3, {
      redisUrl: redis.url,
      name,
      mockUrl: mock.url,
      concurrency: 4,
    });
    const before = await balance();
    await queue.enqueueCampaign({
      campaignId: 'race',
      recipients: phones,
      text,
      chunkSize: 10,
      phoneValidation: 'possible',
      maxCost: cap.toString(),
    });
    const stopped = await finalStatus('race');
    expect(stopped).toMatchObject({
      state: 'budget-exceeded',
      counts: { accepted: 130, budget: 270, queued: 0, failed: 0, unknown: 0 },
      chunks: { total: 40, done: 40 },
      budget: { maxCost: cap.toString(), exceeded: true },
    });
    expect(Decimal.parse(stopped.budget.committed).equals(cap)).toBe(true);
    expect(Decimal.parse(stopped.totalCost).equals(cap)).toBe(true);
    expect(before.subtract(await balance()).equals(cap)).toBe(true);
    const sent = await submittedCounts(mock.url);
    expect(sent.size).toBe(130);
    expect(eachOnce(sent)).toBe(true);

    const raised = chunk.multiply(40);
    await queue.setCampaignMaxCost('race', raised.toString());
    const done = await finalStatus('race');
    expect(done).toMatchObject({
      state: 'completed',
      counts: { accepted: 400, budget: 0, queued: 0 },
      budget: { exceeded: false },
    });
    const all = await submittedCounts(mock.url);
    expect(all.size).toBe(400);
    expect(eachOnce(all)).toBe(true);
    expect(Decimal.parse(done.totalCost).equals(raised)).toBe(true);
    expect(before.subtract(await balance()).equals(raised)).toBe(true);
    const batches = await queue.getCampaignBatches('race');
    const sum = batches.reduce((s, b) => s.add(Decimal.parse(b.cost ?? 'NaN')), Decimal.zero());
    expect(sum.equals(raised)).toBe(true);
  });
});
