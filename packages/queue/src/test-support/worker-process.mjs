// A queue worker in its own process, as the tests start several of them. Settings come
// as JSON in argv[2]; prints "ready" once running and closes gracefully on SIGTERM.
import { createSjroomTransport, normalizePhone } from '@intl-sms/core';
import { createSmsWorker } from '../../dist/index.js';

const settings = JSON.parse(process.argv[2] ?? '{}');
const transport = createSjroomTransport({
  baseUrl: settings.mockUrl,
  account: 'demo',
  password: 'demo-password',
  phoneValidation: 'possible',
});
// Warm: the channel list and the phone metadata are loaded before the first job, so a submit leaves as soon as
// its job starts (the rate-limit test times submits against the limiter's windows).
await transport.listChannels();
await normalizePhone('+447400123456');
const worker = createSmsWorker({
  connection: settings.redisUrl,
  name: settings.name,
  transport,
  concurrency: settings.concurrency ?? 2,
  lockDurationMs: settings.lockDurationMs ?? 30_000,
  pausedRetryMs: 200,
  sweepIntervalMs: settings.sweepIntervalMs ?? 30_000,
  ...(settings.limiter ? { limiter: settings.limiter } : {}),
  receipts: settings.receipts ?? { firstPollMs: 200, maxPollMs: 1_000 },
  onError: (error) => {
    if (settings.verbose) console.error(`worker ${process.pid}: ${error.message}`);
  },
});
process.on('SIGTERM', async () => {
  await worker.close({ timeoutMs: 10_000 });
  await transport.close();
  process.exit(0);
});
console.log('ready');
