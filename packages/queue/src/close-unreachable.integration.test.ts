import { startMockServer } from '@intl-sms/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsQueue } from './create-sms-queue.js';
import {
  type CloseChildSettings,
  silentServer,
  startCloseChild,
} from './test-support/close-child.js';
import { mockControl } from './test-support/mock-control.js';
import { numbers } from './test-support/numbers.js';
import { freePort, startRedisServer } from './test-support/redis-server.js';

/** What `close` may take beyond its `timeoutMs` (dropping connections, a loaded CI machine). */
const MARGIN_MS = 1_000;
/** How soon after closing the process must have exited by itself. */
const EXIT_WITHIN_MS = 3_000;

/** Runs a child that closes with `timeoutMs: 500` and checks that it did so in time and exited. */
async function closesAndExits(settings: CloseChildSettings, whileRunning?: () => Promise<void>) {
  const run = startCloseChild(settings);
  try {
    await run.ready;
    await whileRunning?.();
    if (settings.waitMs === undefined) run.child.kill('SIGTERM');
    const report = await run.report;
    expect(report.closeMs).toBeLessThanOrEqual(settings.timeoutMs + MARGIN_MS);
    const exit = await run.exit;
    expect(exit.code).toBe(0);
    expect(exit.afterReportMs).toBeLessThan(EXIT_WITHIN_MS);
    return report;
  } finally {
    run.child.kill('SIGKILL');
  }
}

describe('a Redis that is not there', () => {
  it.each([
    // A worker has no calls of a user's running; a queue's are cut off, not left hanging.
    ['worker', {}],
    ['queue', { enqueue: 'QUEUE_CLOSED', watch: 'resolved' }],
  ] as const)(
    'a %s on a closed port reports it once, closes in time, and its process exits',
    async (kind, calls) => {
      const connection = `redis://127.0.0.1:${await freePort()}`;
      const report = await closesAndExits({ kind, connection, waitMs: 1_500, timeoutMs: 500 });
      // Dozens of reconnect attempts in 1.5 s, one report.
      expect(report.errors).toEqual(['REDIS_UNAVAILABLE']);
      expect(report.calls).toEqual(calls);
    },
  );

  it('a worker and a queue stuck connecting (the server never answers) close in time', async () => {
    const silent = await silentServer();
    try {
      const connection = `redis://127.0.0.1:${silent.port}`;
      for (const kind of ['worker', 'queue'] as const)
        await closesAndExits({ kind, connection, waitMs: 1_000, timeoutMs: 500 });
    } finally {
      await silent.close();
    }
  });
});

describe('a Redis killed mid-campaign', () => {
  const redis = { server: undefined as Awaited<ReturnType<typeof startRedisServer>> | undefined };
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    mock = await startMockServer({ receiptDelay: { minMs: 20, maxMs: 80 } });
  });
  afterAll(async () => {
    await redis.server?.destroy();
    await mock?.close();
  });

  it.each([
    ['between submits', 0],
    ['with a submit in flight', 1_500],
  ])('%s: the worker closes in time and exits; the queue closes in time', async (_, latencyMs) => {
    redis.server = await startRedisServer();
    const connection = redis.server.url;
    const name = `killed-${latencyMs}`;
    const queue = createSmsQueue({ connection, name, onError: () => {} });
    const control = mockControl(mock.url);
    await control.faults(
      latencyMs ? [{ endpoint: 'submit', type: 'latency', delayMs: latencyMs }] : [],
    );
    await queue.enqueueCampaign({
      campaignId: 'doomed',
      recipients: numbers('+447400', 500, 6),
      text: 'Hi',
      chunkSize: 50,
    });
    const report = await closesAndExits(
      { kind: 'worker', connection, mockUrl: mock.url, name, timeoutMs: 500 },
      async () => {
        // Wait until the worker is busy with the campaign (a submit at the mock, or some
        // accepted), then kill Redis under it.
        const busy = async () =>
          latencyMs
            ? (await queue.bullQueue.getActiveCount()) > 0
            : ((await queue.getCampaign('doomed'))?.counts.accepted ?? 0) > 0;
        while (!(await busy())) await new Promise((resolve) => setTimeout(resolve, 20));
        await redis.server?.stop();
        await new Promise((resolve) => setTimeout(resolve, 500)); // the outage begins
      },
    );
    expect(report.errors).toEqual(['REDIS_UNAVAILABLE']);
    const started = performance.now();
    await queue.close({ timeoutMs: 500 });
    expect(performance.now() - started).toBeLessThan(500 + MARGIN_MS);
    await control.faults([]);
    await redis.server?.destroy();
    redis.server = undefined;
  });
});
