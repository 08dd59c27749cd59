import { type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CampaignStatus } from './campaign/campaign-status.js';
import { createSmsQueue, type SmsQueue } from './create-sms-queue.js';
import { mockControl } from './test-support/mock-control.js';
import { eachOnce, submitTimes, submittedCounts } from './test-support/mock-inspection.js';
import { fiveCountries, numbers } from './test-support/numbers.js';
import { startRedisServer, testRedis } from './test-support/redis-server.js';
import {
  startWorkerProcesses,
  stopWorkerProcesses,
  type WorkerProcess,
} from './test-support/worker-processes.js';

// Several worker *processes* on a real Redis against the real mock server.
let mock: RunningMockServer;
let control: ReturnType<typeof mockControl>;
let redis: { url: string; close(): Promise<void> };
let workers: WorkerProcess[] = [];
const queues: SmsQueue[] = [];

beforeAll(async () => {
  redis = await testRedis();
  mock = await startMockServer({ receiptDelay: { minMs: 20, maxMs: 100 } });
  control = mockControl(mock.url);
});
beforeEach(async () => {
  // 100,000 SMS cost more than the demo account's 1000.0000.
  await control.setBalance('100000.0000');
});
afterEach(async () => {
  await stopWorkerProcesses(workers);
  workers = [];
  for (const queue of queues.splice(0)) await queue.close();
  await control.faults([]);
  await control.clearMessages();
});
afterAll(async () => {
  await mock?.close();
  await redis?.close();
});

let counter = 0;
function newQueue() {
  const name = `many-${process.pid}-${counter++}`;
  const queue = createSmsQueue({ connection: redis.url, name });
  queues.push(queue);
  return { queue, name };
}

/** Polls until the campaign is final (polling, not pub/sub, so it rides out a Redis restart). */
async function finalStatus(queue: SmsQueue, id: string): Promise<CampaignStatus> {
  for (;;) {
    const status = await queue.getCampaign(id, { limit: 0 });
    if (status && ['completed', 'cancelled', 'needs-reconciliation'].includes(status.state))
      return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitFor(queue: SmsQueue, id: string, accepted: number): Promise<void> {
  while (((await queue.getCampaign(id, { limit: 0 }))?.counts.accepted ?? 0) < accepted)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('many worker processes', () => {
  it('send a 100,000-recipient campaign in 5 countries, each number exactly once', async () => {
    const { queue, name } = newQueue();
    workers = await startWorkerProcesses(3, { redisUrl: redis.url, name, mockUrl: mock.url });
    const recipients = fiveCountries(20_000);
    const enqueued = await queue.enqueueCampaign({
      campaignId: 'big',
      recipients,
      text: 'Big news',
      phoneValidation: 'possible',
    });
    expect(enqueued).toMatchObject({ recipients: 100_000, rejected: 0, chunks: 10 });
    const status = await finalStatus(queue, 'big');
    expect(status).toMatchObject({
      state: 'completed',
      recipients: 100_000,
      counts: { accepted: 100_000, delivered: 100_000, unknown: 0, failed: 0, queued: 0 },
      batches: { total: 10, final: 10 },
    });
    const counts = await submittedCounts(mock.url);
    expect(counts.size).toBe(100_000);
    expect(eachOnce(counts)).toBe(true);
    const byCountry = new Map<string, number>();
    for (const phone of counts.keys()) {
      const code = ['63', '44', '91', '49', '55'].find((c) => phone.startsWith(c)) ?? '?';
      byCountry.set(code, (byCountry.get(code) ?? 0) + 1);
    }
    expect([...byCountry.values()]).toEqual([20_000, 20_000, 20_000, 20_000, 20_000]);
  });

  it('finish a campaign after one worker is killed with SIGKILL, sending no number twice', async () => {
    await control.faults([{ endpoint: 'submit', type: 'latency', delayMs: 80 }]);
    const { queue, name } = newQueue();
    workers = await startWorkerProcesses(3, {
      redisUrl: redis.url,
      name,
      mockUrl: mock.url,
      lockDurationMs: 1_500,
    });
    const recipients = numbers('+447400', 20_000, 6);
    await queue.enqueueCampaign({ campaignId: 'crash', recipients, text: 'Hi', chunkSize: 200 });
    await waitFor(queue, 'crash', 3_000);
    workers[0]?.child.kill('SIGKILL');
    const status = await finalStatus(queue, 'crash');
    const { accepted, unknown, queued, failed } = status.counts;
    expect(queued).toBe(0);
    expect(failed).toBe(0);
    expect(accepted + unknown).toBe(20_000);
    // Only the killed worker's chunks in flight (concurrency 2, 200 numbers each) are unknown.
    expect(unknown % 200).toBe(0);
    expect(unknown).toBeLessThanOrEqual(400);

    const counts = await submittedCounts(mock.url);
    expect(eachOnce(counts)).toBe(true);
    // What the mock got is what was recorded as accepted, plus some of the unknown.
    expect(counts.size).toBeGreaterThanOrEqual(accepted);
    expect(counts.size).toBeLessThanOrEqual(accepted + unknown);
    const report = await queue.reconcile('crash');
    expect(report.kept).toBe(unknown);
    const unknownPhones = new Set(report.items.flatMap((item) => item.phones));
    expect(unknownPhones.size).toBe(unknown);
    for (const phone of counts.keys())
      if (!unknownPhones.has(phone)) expect(counts.get(phone)).toBe(1);
  });

  it('reconnect after Redis restarts mid-campaign and finish it', async () => {
    const own = await startRedisServer();
    const name = `many-${process.pid}-restart`;
    const queue = createSmsQueue({ connection: own.url, name });
    try {
      await control.faults([{ endpoint: 'submit', type: 'latency', delayMs: 50 }]);
      // A lost job (Redis restarted as one of BullMQ's scripts ran) is found by the sweeper;
      // a job whose worker lost its reply is taken back when its lock (5 s) expires.
      workers = await startWorkerProcesses(3, {
        redisUrl: own.url,
        name,
        mockUrl: mock.url,
        lockDurationMs: 5_000,
        sweepIntervalMs: 1_000,
      });
      const recipients = numbers('+447400', 20_000, 6);
      await queue.enqueueCampaign({
        campaignId: 'restart',
        recipients,
        text: 'Hi',
        chunkSize: 200,
      });
      await waitFor(queue, 'restart', 4_000);
      await own.stop();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await own.start();
      const status = await finalStatus(queue, 'restart');
      expect(status).toMatchObject({
        state: 'completed',
        counts: { accepted: 20_000, unknown: 0, queued: 0 },
      });
      const counts = await submittedCounts(mock.url);
      expect(counts.size).toBe(20_000);
      expect(eachOnce(counts)).toBe(true);
    } finally {
      await stopWorkerProcesses(workers);
      workers = [];
      await queue.close();
      await own.destroy();
    }
  });

  it('share one rate limit: at most 4 submits per second across 3 processes', async () => {
    const { queue, name } = newQueue();
    const limiter = { max: 4, durationMs: 1_000 };
    workers = await startWorkerProcesses(3, {
      redisUrl: redis.url,
      name,
      mockUrl: mock.url,
      limiter,
    });
    const recipients = numbers('+447400', 1_200, 6);
    await queue.enqueueCampaign({ campaignId: 'paced', recipients, text: 'Hi', chunkSize: 50 });
    await finalStatus(queue, 'paced');
    const times = await submitTimes(mock.url);
    expect(times).toHaveLength(24);
    const first = times[0] as number;
    // BullMQ's limiter opens a 1 s window when a job starts and lets 4 through in it;
    // the first submit reaches the mock some ms after its window opened (claim, routing).
    for (let k = 1; k <= 6; k++) {
      const inFirstKWindows = times.filter((t) => t < first + k * 1_000 - 300).length;
      expect(inFirstKWindows).toBeLessThanOrEqual(4 * k);
    }
    const elapsed = (times.at(-1) as number) - first;
    const perSecond = times.length / ((elapsed + 1_000) / 1_000); // 6 windows of 1 s
    expect(perSecond).toBeLessThanOrEqual(4 * 1.05);
    expect(perSecond).toBeGreaterThan(2); // and the limit is not starving the campaign
  });
});
