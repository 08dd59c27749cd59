// A Redis Cluster master killed mid-campaign, its replica taking over. The cluster is
// this file's own (the other cluster tests share one), since a node is killed here.
import { createSjroomTransport } from '@intl-sms/core';
import { type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { Queue } from 'bullmq';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStatus } from './campaign/campaign-status.js';
import { createSmsQueue } from './create-sms-queue.js';
import { createSmsWorker, type SmsWorker } from './create-sms-worker.js';
import { mockControl } from './test-support/mock-control.js';
import { eachOnce, submittedCounts } from './test-support/mock-inspection.js';
import { numbers } from './test-support/numbers.js';
import { until } from './test-support/queue-fixture.js';
import { type RedisCluster, startRedisCluster } from './test-support/redis-cluster.mjs';

let cluster: RedisCluster;
let mock: RunningMockServer;
beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3, replicas: 1, nodeTimeoutMs: 1_000 });
  mock = await startMockServer({ receiptDelay: { minMs: 20, maxMs: 80 } });
});
afterAll(async () => {
  await mock?.close();
  await cluster?.destroy();
});

const TOTAL = 6_000;
const CHUNK = 100;

describe('a Redis Cluster master dies mid-campaign', () => {
  it('the replica takes over: nothing sent twice, nothing lost, unknown only what was in flight', async () => {
    // Submits take a while, so the kill lands while chunks are being sent.
    await mockControl(mock.url).faults([{ endpoint: 'submit', type: 'latency', delayMs: 60 }]);
    const transport = createSjroomTransport({
      baseUrl: mock.url,
      account: 'demo',
      password: 'demo-password',
      phoneValidation: 'possible',
    });
    const connection = new Cluster([...cluster.nodes], { lazyConnect: true });
    const name = 'failover';
    const errors: string[] = [];
    const onError = (error: Error) => errors.push(error.message);
    const queue = createSmsQueue({ connection, name, transport });
    const workers: SmsWorker[] = [];
    const concurrency = 2;
    try {
      const recipients = numbers('+447400', TOTAL, 6, 10_000);
      const enqueued = await queue.enqueueCampaign({
        campaignId: 'failover',
        recipients,
        text: 'Hi',
        chunkSize: CHUNK,
      });
      expect(enqueued.chunks).toBe(TOTAL / CHUNK);
      for (let i = 0; i < 2; i++)
        workers.push(
          createSmsWorker({
            connection,
            name,
            transport,
            concurrency,
            lockDurationMs: 3_000,
            sweepIntervalMs: 500,
            receipts: { firstPollMs: 100, maxPollMs: 500 },
            onError,
          }),
        );
      await until(async () => ((await status(queue))?.counts.accepted ?? 0) >= 1_000, 60_000);
      // Every key of the queue is in the slot of its hash tag, on one master.
      const master = await cluster.masterOf(`{${name}}`);
      await cluster.kill(master);
      // The replica is promoted once the others agree the master failed (node timeout 1 s).
      const promoted = async () =>
        (await cluster.masterOf(`{${name}}`, alive(master)).catch(() => master)) !== master;
      await until(promoted, 30_000);
      await cluster.healthy(cluster.ports.filter((port) => port !== master));

      const final = await finalStatus(queue).catch(async (error: Error) => {
        const polls = await receiptPolls(connection, name, workers).catch(String);
        throw new Error(
          `${error.message}; receipt polls: ${polls}; last worker errors: ${errors.slice(-5).join(' | ')}`,
        );
      });
      const { accepted, unknown, queued, failed, rejected } = final.counts;
      expect({ queued, failed, rejected }).toEqual({ queued: 0, failed: 0, rejected: 0 });
      expect(accepted + unknown).toBe(TOTAL); // nothing lost
      // Unknown: at most the chunks in flight when the master died (one submit each).
      expect(unknown % CHUNK).toBe(0);
      expect(unknown / CHUNK).toBeLessThanOrEqual(workers.length * concurrency);
      expect(final.state).toBe(unknown > 0 ? 'needs-reconciliation' : 'completed');

      const counts = await submittedCounts(mock.url);
      expect(eachOnce(counts)).toBe(true); // nothing sent twice
      const report = await queue.reconcile('failover');
      const unknownPhones = new Set(report.items.flatMap((item) => item.phones));
      expect(unknownPhones.size).toBe(unknown);
      for (const phone of recipients) {
        const wire = phone.slice(1);
        if (!unknownPhones.has(wire)) expect(counts.get(wire)).toBe(1);
      }
      // Each unknown chunk was one submit: the mock got all of its numbers or none.
      for (const item of report.items) {
        const sent = item.phones.filter((phone) => counts.has(phone)).length;
        expect([0, item.phones.length]).toContain(sent);
      }
    } finally {
      for (const worker of workers) await worker.close({ timeoutMs: 5_000 });
      await queue.close();
      await transport.close();
      connection.disconnect();
    }
  });
});

/**
 * Where the receipt polls stand, for a failure's message: the receipts queue's jobs by
 * state, how overdue the next delayed one is, its marker, and each receipt worker's
 * state — whether it waits in BullMQ's blocking fetch (read from BullMQ's internals,
 * which is how a worker parked for ever on a Cluster's `connect()` was found).
 */
async function receiptPolls(connection: Cluster, name: string, workers: SmsWorker[]) {
  const receipts = new Queue(`{${name}}-receipts`, { connection });
  try {
    const counts = await receipts.getJobCounts();
    const [next] = await receipts.getDelayed(0, 0);
    const overdueMs = next ? Date.now() - (next.timestamp + next.delay) : null;
    const marker = await connection.zrange(receipts.toKey('marker'), 0, -1, 'WITHSCORES');
    const states = workers.map(({ bullWorkers: { receipts: worker } }) => {
      const internals = worker as unknown as { waiting?: unknown };
      return {
        running: worker?.isRunning(),
        paused: worker?.isPaused(),
        inBlockingFetch: internals.waiting !== null && internals.waiting !== undefined,
      };
    });
    return JSON.stringify({ counts, overdueMs, marker, workers: states });
  } finally {
    await receipts.close();
  }
}

function alive(dead: number): number {
  return cluster.ports.find((port) => port !== dead) as number;
}

function status(queue: ReturnType<typeof createSmsQueue>) {
  return queue.getCampaign('failover', { limit: 0 });
}

/**
 * Polls (pub/sub may miss messages across a failover) until the campaign is final. Gives
 * up well before the test's own timeout with the last status it read, so a failure says
 * where the campaign stood rather than only that the test timed out.
 */
async function finalStatus(
  queue: ReturnType<typeof createSmsQueue>,
  timeoutMs = 75_000,
): Promise<CampaignStatus> {
  const deadline = Date.now() + timeoutMs;
  let current: CampaignStatus | null | undefined;
  for (;;) {
    current = await status(queue).catch(() => current);
    if (current && ['completed', 'cancelled', 'needs-reconciliation'].includes(current.state))
      return current;
    if (Date.now() > deadline) {
      throw new Error(
        `the campaign did not end within ${timeoutMs} ms after the failover: ${JSON.stringify({ state: current?.state, counts: current?.counts })}`,
      );
    }
    // Not faster: each status reads every chunk counter across the cluster, and on a
    // 2-core machine polling it ten times a second slowed the workers it waits for.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
