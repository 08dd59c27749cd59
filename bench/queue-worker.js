// Child process of queue-throughput.js: one queue worker against the mock at argv[2] and
// Redis at argv[3], queue argv[4]. Prints "ready"; closes gracefully on SIGTERM.
import { createSjroomTransport } from '@intl-sms/core';
import { createSmsWorker } from '@intl-sms/queue';

const [baseUrl, redisUrl, name] = process.argv.slice(2);
const transport = createSjroomTransport({ account: 'bench', password: 'bench-password', baseUrl });
await transport.listChannels();
// Receipts are not polled: the figure is sending throughput, like sendBulk's.
const worker = createSmsWorker({
  connection: redisUrl,
  name,
  transport,
  receipts: false,
  concurrency: 2,
});
process.on('SIGTERM', async () => {
  await worker.close();
  await transport.close();
  process.exit(0);
});
console.log('ready');
