// Campaign throughput of @intl-sms/queue with 1, 2 and 4 worker processes against the
// mock (its own process, receipts immediate), from enqueue to the last chunk settled, on
// one Redis and on a Redis Cluster (3 masters with a replica each). Baseline, interleaved
// in the same run: sendBulk of the same count in one process (bulk-memory.js's child,
// without forced GCs), the way to send without a queue.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createSmsQueue } from '@intl-sms/queue';
import { runBulkChild } from './bulk-memory.js';
import { startBenchMock } from './mock-bin.js';
import { benchCluster, benchRedis, redisConnection } from './redis.js';
import { ratio, stats } from './stats.js';

const WORKER = fileURLToPath(new URL('queue-worker.js', import.meta.url));

/** Starts a queue worker process (`queue-worker.js`); resolves once it is ready. */
export async function startWorker(mockUrl, redisUrl, name, receipts = false) {
  const args = [WORKER, mockUrl, redisUrl, name, ...(receipts ? ['receipts'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (data) => String(data).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`queue worker exited ${code}`)));
  });
  return child;
}

/** Stops worker processes gracefully and waits for them. */
export function stopWorkers(children) {
  return Promise.all(
    children.map(
      (child) => new Promise((resolve) => child.once('exit', resolve) && child.kill('SIGTERM')),
    ),
  );
}

/** `count` distinct Philippine numbers (never the mock's magic endings). */
export function benchNumber(i) {
  return `+63917${String((i % 1_000_000) * 10 + 5).padStart(7, '0')}`;
}

let runs = 0;
async function runQueue(mockUrl, redisUrl, workers, count) {
  const name = `bench-${process.pid}-${runs++}`;
  const children = await Promise.all(
    Array.from({ length: workers }, () => startWorker(mockUrl, redisUrl, name)),
  );
  const redis = redisConnection(redisUrl);
  const queue = createSmsQueue({ connection: redis.connection, name });
  try {
    async function* recipients() {
      for (let i = 0; i < count; i++) yield benchNumber(i);
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
    await stopWorkers(children);
    await queue.deleteCampaign('bench');
    await queue.close();
    redis.close();
  }
}

/**
 * Runs the benchmark: `rounds` interleaved rounds of the baseline and each worker count
 * on each of `topologies` (`redis`, `cluster`).
 */
export async function queueThroughput({
  count = 200_000,
  rounds = 3,
  workerCounts = [1, 2, 4],
  topologies = ['redis', 'cluster'],
} = {}) {
  const mock = await startBenchMock();
  const started = [];
  try {
    const redis = {};
    for (const topology of topologies) {
      const server = topology === 'cluster' ? await benchCluster() : await benchRedis();
      started.push(server);
      redis[topology] = server.url;
    }
    const baseline = [];
    const samples = new Map();
    for (let round = 0; round < rounds; round++) {
      baseline.push((await runBulkChild(mock.url, count, { exposeGc: false })).recipientsPerSecond);
      for (const topology of topologies)
        for (const w of workerCounts) {
          const key = `${topology}/${w}`;
          samples.set(key, [
            ...(samples.get(key) ?? []),
            await runQueue(mock.url, redis[topology], w, count),
          ]);
        }
    }
    const base = stats(baseline, 0);
    const results = topologies.flatMap((topology) =>
      workerCounts.map((w) => {
        const s = stats(samples.get(`${topology}/${w}`), 0);
        return {
          topology,
          workers: w,
          recipientsPerSecond: s,
          ratio: ratio(s.median, base.median),
        };
      }),
    );
    return {
      name: `queue campaign throughput (${count.toLocaleString('en')} recipients; one Redis and a 3-master cluster)`,
      unit: 'recipients/s',
      baseline: { sendBulkInOneProcess: base },
      results,
      bar: 'reported as a ratio to one in-process sendBulk (no bar set)',
      met: true,
      summary: `sendBulk ${base.median.toLocaleString('en')}/s; ${topologies
        .map(
          (topology) =>
            `${topology === 'cluster' ? 'cluster' : 'one Redis'}: ${results
              .filter((r) => r.topology === topology)
              .map((r) => `${r.workers} worker(s) ${r.ratio}×`)
              .join(', ')}`,
        )
        .join('; ')}`,
    };
  } finally {
    for (const server of started) await server.stop();
    await mock.stop();
  }
}
