import { createSjroomTransport, type SmsTransport } from '@intl-sms/core';
import { type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import type { Cluster, Redis } from 'ioredis';
import { createSmsQueue, type SmsQueue, type SmsQueueSettings } from '../create-sms-queue.js';
import { createSmsWorker, type SmsWorker, type SmsWorkerSettings } from '../create-sms-worker.js';
import { mockControl } from './mock-control.js';
import { testConnection } from './test-connection.js';

/**
 * Redis (one server, or a Cluster in the cluster project), the mock server, a queue and
 * a worker in this process, for one test file.
 */
export interface QueueFixture {
  /** A URL of one Redis server (of one node in the cluster project). */
  readonly redisUrl: string;
  /** True when the file runs on the test Redis Cluster. */
  readonly cluster: boolean;
  /** A client of the test's Redis for the test itself; closed with the fixture. */
  client(): Redis | Cluster;
  readonly mock: RunningMockServer;
  readonly transport: SmsTransport;
  /** A queue with a unique name (tests share one Redis). */
  queue(settings?: Partial<SmsQueueSettings>): SmsQueue;
  /** A worker of the last queue made. */
  worker(settings?: Partial<SmsWorkerSettings>): SmsWorker;
  /** Steers the mock (faults, messages, the demo balance). */
  readonly control: ReturnType<typeof mockControl>;
  close(): Promise<void>;
}

let counter = 0;

/** Starts the fixture; close it in `afterAll`. */
export async function startQueueFixture(): Promise<QueueFixture> {
  const redis = await testConnection();
  const mock = await startMockServer({ receiptDelay: { minMs: 20, maxMs: 80 } });
  const transport = createSjroomTransport({
    baseUrl: mock.url,
    account: 'demo',
    password: 'demo-password',
    phoneValidation: 'possible',
  });
  const opened: { close(): Promise<void> }[] = [];
  let name = '';
  return {
    redisUrl: redis.url,
    cluster: redis.cluster,
    client: () => redis.client(),
    mock,
    transport,
    control: mockControl(mock.url),
    queue(settings = {}) {
      name = `test-${process.pid}-${Date.now()}-${counter++}`;
      const queue = createSmsQueue({
        connection: redis.connection(),
        name,
        transport,
        ...settings,
      });
      opened.push(queue);
      return queue;
    },
    worker(settings = {}) {
      const worker = createSmsWorker({
        connection: redis.connection(),
        name,
        transport,
        receipts: { firstPollMs: 100, maxPollMs: 300 },
        ...settings,
      });
      opened.unshift(worker);
      return worker;
    },
    async close() {
      for (const item of opened) await item.close();
      await transport.close();
      await mock.close();
      await redis.close();
    },
  };
}

/** Waits for the campaign to end (completed, cancelled or needing reconciliation). */
export async function settled(queue: SmsQueue, campaignId: string, until?: 'sent' | 'complete') {
  let last: Awaited<ReturnType<SmsQueue['getCampaign']>>;
  for await (const status of queue.watchCampaign(campaignId, {
    intervalMs: 50,
    ...(until ? { until } : {}),
  }))
    last = status;
  return last;
}

/** Waits until `check` holds, polling every 50 ms; fails after `ms` (default 20 s). */
export async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
