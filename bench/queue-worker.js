// Child process of the queue benchmarks: one queue worker against the mock at argv[2] and
// the Redis at argv[3] (a URL, or `cluster:host:port,host:port…` for a Redis Cluster),
// queue argv[4]; argv[5] `receipts` polls delivery receipts. Prints "ready"; closes
// gracefully on SIGTERM.
import { createSjroomTransport } from '@intl-sms/core';
import { createSmsWorker } from '@intl-sms/queue';
import { redisConnection } from './redis.js';

const [baseUrl, redis, name, receipts] = process.argv.slice(2);
const transport = createSjroomTransport({ account: 'bench', password: 'bench-password', baseUrl });
await transport.listChannels();
const connection = redisConnection(redis);
// Without receipts, the figure is sending throughput, like sendBulk's.
const worker = createSmsWorker({
  connection: connection.connection,
  name,
  transport,
  receipts: receipts === 'receipts' ? { firstPollMs: 200, maxPollMs: 1_000 } : false,
  concurrency: 2,
});
process.on('SIGTERM', async () => {
  await worker.close();
  await transport.close();
  connection.close();
  process.exit(0);
});
console.log('ready');
