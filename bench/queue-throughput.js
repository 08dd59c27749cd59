// Campaign throughput of @intl-sms/queue with 1, 2 and 4 worker processes against the
// mock (its own process, receipts immediate), from enqueue to the last chunk settled.
// Baseline, interleaved in the same run: sendBulk of the same count in one process
// (bulk-memory.js's child, without forced GCs), the way to send without a queue.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createSmsQueue } from '@intl-sms/queue';
import { runBulkChild } from './bulk-memory.js';
import { startBenchMock } from './mock-bin.js';
import { benchRedis } from './redis.js';
import { ratio, stats } from './stats.js';

const WORKER = fileURLToPath(new URL('queue-worker.js', import.meta.url));

async function startWorker(mockUrl, redisUrl, name) {
  const child = spawn(process.execPath, [WORKER, mockUrl, redisUrl, name], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (data) => String(data).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`queue worker exited ${code}`)));
  });
  return child;
}

let runs = 0;
async function runQueue(mockUrl, redisUrl, workers, count) {
  const name = `bench-${process.pid}-${runs++}`;
  const children = await Promise.all(
    Array.from({ length: workers }, () => startWorker(mockUrl, redisUrl, name)),
  );
  const queue = createSmsQueue({ connection: redisUrl, name });
  try {
    async function* recipients() {
      for (let i = 0; i < count; i++)
        yield `+63917${String((i % 1_000_000) * 10 + 5).padStart(7, '0')}`;
    }
    const started = performance.now();
    await queue.enqueueCampaign({
      campaignId: 'bench',
      recipients: recipients(),
      text: 'benchmark',
    });
    for (;;) {
      const status = await queue.getCampaign('bench', { limit: 0 });
      if (status.chunks.done === status.chunks.total && status.state !== 'enqueuing') {
        if (status.counts.accepted !== count)
          throw new Error(`accepted ${status.counts.accepted} of ${count}`);
        return Math.round(count / ((performance.now() - started) / 1000));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await Promise.all(
      children.map(
        (child) => new Promise((resolve) => child.once('exit', resolve) && child.kill('SIGTERM')),
      ),
    );
    await queue.close();
  }
}

/** Runs the benchmark: `rounds` interleaved rounds of the baseline and each worker count. */
export async function queueThroughput({
  count = 200_000,
  rounds = 3,
  workerCounts = [1, 2, 4],
} = {}) {
  const mock = await startBenchMock();
  const redis = await benchRedis();
  try {
    const baseline = [];
    const byWorkers = new Map(workerCounts.map((w) => [w, []]));
    for (let round = 0; round < rounds; round++) {
      baseline.push((await runBulkChild(mock.url, count, { exposeGc: false })).recipientsPerSecond);
      for (const w of workerCounts)
        byWorkers.get(w).push(await runQueue(mock.url, redis.url, w, count));
    }
    const base = stats(baseline, 0);
    const results = workerCounts.map((w) => {
      const s = stats(byWorkers.get(w), 0);
      return { workers: w, recipientsPerSecond: s, ratio: ratio(s.median, base.median) };
    });
    return {
      name: `queue campaign throughput (${count.toLocaleString('en')} recipients)`,
      unit: 'recipients/s',
      baseline: { sendBulkInOneProcess: base },
      results,
      bar: 'reported as a ratio to one in-process sendBulk (no bar set)',
      met: true,
      summary: `sendBulk ${base.median.toLocaleString('en')}/s; ${results
        .map(
          (r) =>
            `${r.workers} worker(s) ${r.recipientsPerSecond.median.toLocaleString('en')}/s = ${r.ratio}×`,
        )
        .join(', ')}`,
    };
  } finally {
    await redis.stop();
    await mock.stop();
  }
}
