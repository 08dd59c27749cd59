// Redis memory of @intl-sms/queue per recipient (`INFO memory` used_memory of a Redis of
// its own, so nothing else counts): at peak — every recipient queued, before a worker
// takes any — and at rest — the campaign completed with its receipts final, kept for its
// retention — then after deleteCampaign. Two shapes: one text for all (chunks of 10,000
// numbers), and a personalised text each (one chunk and one job per recipient, the
// worst case). Baseline: the empty Redis.
import { createSmsQueue } from '@intl-sms/queue';
import { Redis } from 'ioredis';
import { startBenchMock } from './mock-bin.js';
import { benchNumber, startWorker, stopWorkers } from './queue-throughput.js';
import { benchRedis } from './redis.js';

async function usedMemory(client) {
  return Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1]);
}

async function measure(mockUrl, redisUrl, client, shape, count) {
  const name = `memory-${shape}`;
  const queue = createSmsQueue({ connection: redisUrl, name });
  const before = await usedMemory(client);
  async function* recipients() {
    for (let i = 0; i < count; i++) {
      const to = benchNumber(i);
      yield shape === 'personalised'
        ? { to, text: `Hi customer ${i}, your parcel ships today.` }
        : to;
    }
  }
  const text = shape === 'personalised' ? {} : { text: 'Your parcel ships today.' };
  await queue.enqueueCampaign({ campaignId: 'm', recipients: recipients(), ...text });
  const peak = (await usedMemory(client)) - before;
  const workers = await Promise.all([1, 2].map(() => startWorker(mockUrl, redisUrl, name, true)));
  try {
    for (;;) {
      const status = await queue.getCampaign('m', { limit: 0 });
      if (status.state === 'completed') break;
      if (['cancelled', 'needs-reconciliation'].includes(status.state))
        throw new Error(`campaign ended ${status.state}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await stopWorkers(workers);
  }
  const rest = (await usedMemory(client)) - before;
  await queue.deleteCampaign('m');
  const deleted = (await usedMemory(client)) - before;
  await queue.close();
  const per = (bytes) => Math.round((bytes / count) * 10) / 10;
  return {
    shape,
    recipients: count,
    peakBytes: peak,
    restBytes: rest,
    afterDeleteBytes: deleted,
    peakPerRecipient: per(peak),
    restPerRecipient: per(rest),
    budget10M: {
      peakMB: Math.round((per(peak) * 10_000_000) / 1e6),
      restMB: Math.round((per(rest) * 10_000_000) / 1e6),
    },
  };
}

/** Runs the benchmark for `count` one-text recipients and `personalCount` personalised ones. */
export async function queueMemory({ count = 1_000_000, personalCount = 100_000 } = {}) {
  const mock = await startBenchMock();
  const redis = await benchRedis({ own: true });
  const client = new Redis(redis.url);
  try {
    const results = [
      await measure(mock.url, redis.url, client, 'one text', count),
      await measure(mock.url, redis.url, client, 'personalised', personalCount),
    ];
    const line = (r) =>
      `${r.shape} (${r.recipients.toLocaleString('en')}): peak ${r.peakPerRecipient} B, at rest ${r.restPerRecipient} B a recipient (10M: ${r.budget10M.peakMB.toLocaleString('en')} MB peak), ${Math.round(r.afterDeleteBytes / 1024)} KB left after delete`;
    return {
      name: 'queue Redis memory per recipient (INFO used_memory)',
      unit: 'bytes/recipient',
      baseline: { emptyRedis: 0 },
      results,
      bar: 'bounded: linear in recipients, all freed by deleteCampaign (or retention) but BullMQ’s capped event stream (< 4 MB)',
      met: results.every((r) => r.afterDeleteBytes < 4 * 2 ** 20),
      summary: results.map(line).join('; '),
    };
  } finally {
    client.disconnect();
    await redis.stop();
    await mock.stop();
  }
}
