// A queue worker in its own process, as the tests start several of them. Settings come
// as JSON in argv[2]; prints "ready" once running and closes gracefully on SIGTERM.
import { createSmsWorker } from '../../dist/index.js';

const settings = JSON.parse(process.argv[2] ?? '{}');
const worker = createSmsWorker({
  connection: settings.redisUrl,
  name: settings.name,
  sjroomSettings: {
    baseUrl: settings.mockUrl,
    account: 'demo',
    password: 'demo-password',
    phoneValidation: 'possible',
  },
  concurrency: settings.concurrency ?? 2,
  lockDurationMs: settings.lockDurationMs ?? 30_000,
  ...(settings.limiter ? { limiter: settings.limiter } : {}),
  receipts: settings.receipts ?? { firstPollMs: 200, maxPollMs: 1_000 },
  onError: (error) => {
    if (settings.verbose) console.error(`worker ${process.pid}: ${error.message}`);
  },
});
process.on('SIGTERM', async () => {
  await worker.close({ timeoutMs: 10_000 });
  process.exit(0);
});
console.log('ready');
