import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsQueue } from './create-sms-queue.js';
import { createSmsWorker } from './create-sms-worker.js';
import { submittedCounts } from './test-support/mock-inspection.js';
import { numbers } from './test-support/numbers.js';
import { type QueueFixture, settled, startQueueFixture } from './test-support/queue-fixture.js';
import { type RedisServer, startRedisServer } from './test-support/redis-server.js';

let fx: QueueFixture;
let master: RedisServer;
let replica: RedisServer;
beforeAll(async () => {
  fx = await startQueueFixture();
  master = await startRedisServer();
  replica = await startRedisServer(['--replicaof', '127.0.0.1', String(master.port)]);
  const client = new Redis(replica.url);
  try {
    while (!(await client.info('replication')).includes('master_link_status:up'))
      await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    client.disconnect();
  }
});
afterAll(async () => {
  if (replica?.pid) process.kill(replica.pid, 'SIGCONT');
  await replica?.destroy();
  await master?.destroy();
  await fx?.close();
});

describe('a Redis with a replica', () => {
  // Redis replicates asynchronously: a master that dies right after a claim may leave a
  // replica without it, which would hand the chunk to another worker while the first
  // submit is out (sent twice after a failover). The claim must be on a replica first.
  it('submits a chunk only once a replica holds its claim', async () => {
    const name = `replicated-${Date.now()}`;
    const connection = master.url;
    const queue = createSmsQueue({ connection, name, retryDelayMs: 200 });
    const errors: string[] = [];
    const worker = createSmsWorker({
      connection,
      name,
      transport: fx.transport,
      receipts: false,
      onError: (error) => errors.push((error as { code?: string }).code ?? error.message),
    });
    try {
      // The replica stops answering (its link stays up): no write can reach it.
      process.kill(replica.pid as number, 'SIGSTOP');
      await queue.enqueueCampaign({
        campaignId: 'held',
        recipients: numbers('+63917', 3, 7),
        text: 'Hi',
      });
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect((await submittedCounts(fx.mock.url)).size).toBe(0);
      expect(await queue.getCampaign('held')).toMatchObject({
        state: 'sending',
        counts: { queued: 3 },
      });
      expect(errors).toContain('REDIS_NOT_REPLICATED');
      process.kill(replica.pid as number, 'SIGCONT');
      expect((await settled(queue, 'held'))?.counts.accepted).toBe(3);
      expect([...(await submittedCounts(fx.mock.url)).values()]).toEqual([1, 1, 1]);
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});
