// A queue or a worker in its own process, for the close tests. Settings come as JSON in
// argv[2]: { kind: 'queue' | 'worker', connection, mockUrl?, name?, waitMs, timeoutMs }.
// It prints "ready", then one JSON line when closed: { closeMs, errors, calls }. It
// closes after waitMs, or on SIGTERM — and never calls process.exit: the test checks
// that nothing left running keeps the process alive.
import { createSjroomTransport } from '@intl-sms/core';
import { createSmsQueue, createSmsWorker } from '../../dist/index.js';

const settings = JSON.parse(process.argv[2] ?? '{}');
const errors = [];
const onError = (error) => errors.push(error.code ?? error.message);
const transport = createSjroomTransport({
  baseUrl: settings.mockUrl ?? 'http://127.0.0.1:9',
  account: 'demo',
  password: 'demo-password',
  phoneValidation: 'possible',
});
const common = { connection: settings.connection, onError, transport };
if (settings.name) common.name = settings.name;
const target =
  settings.kind === 'queue'
    ? createSmsQueue(common)
    : createSmsWorker({ ...common, concurrency: 1, sweepIntervalMs: 200 });

// Calls a user may have running when the queue closes: each must settle, not hang.
const calls = {};
if (settings.kind === 'queue') {
  const record = (name, promise) =>
    promise.then(
      () => {
        calls[name] = 'resolved';
      },
      (error) => {
        calls[name] = error.code ?? error.message;
      },
    );
  record(
    'enqueue',
    target.enqueueCampaign({ campaignId: 'c', recipients: ['+447400123456'], text: 'Hi' }),
  );
  record(
    'watch',
    (async () => {
      for await (const _ of target.watchCampaign('c')) {
      }
    })(),
  );
}

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  const started = performance.now();
  await target.close({ timeoutMs: settings.timeoutMs });
  const closeMs = Math.round(performance.now() - started);
  // Give cut-off calls a moment to report.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await transport.close();
  console.log(JSON.stringify({ closeMs, errors, calls }));
};
process.on('SIGTERM', close);
console.log('ready');
if (settings.waitMs !== undefined) setTimeout(close, settings.waitMs);
