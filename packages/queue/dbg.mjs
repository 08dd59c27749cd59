import { spawn } from 'node:child_process';
import { startMockServer } from '@intl-sms/mock-server';
import { createSmsQueue } from './dist/index.js';

const redisProc = spawn('redis-server', ['--port', '6399', '--save', '', '--appendonly', 'no'], {
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 300));
const mock = await startMockServer({ receiptDelay: { minMs: 20, maxMs: 100 } });
const name = 'dbg' + Date.now();
const settings = { redisUrl: 'redis://127.0.0.1:6399', name, mockUrl: mock.url, verbose: true };
const kids = [0, 1, 2].map(() =>
  spawn(process.execPath, ['src/test-support/worker-process.mjs', JSON.stringify(settings)], {
    stdio: 'inherit',
  }),
);
await new Promise((r) => setTimeout(r, 1500));
const queue = createSmsQueue({ connection: settings.redisUrl, name });
const N = Number(process.argv[2] ?? 1000);
const list = [];
for (let i = 0; list.length < N; i++) {
  const s = String(i + 100000).slice(-6);
  if (!/000[123]$/.test(s)) list.push('+447400' + s);
}
console.log(
  await queue.enqueueCampaign({
    campaignId: 'x',
    recipients: list,
    text: 'Hi',
    phoneValidation: 'possible',
    chunkSize: Number(process.argv[3] ?? 10000),
  }),
);
for (let i = 0; i < 20; i++) {
  const s = await queue.getCampaign('x', { limit: 0 });
  console.log(
    s.state,
    JSON.stringify(s.counts),
    JSON.stringify(s.chunks),
    JSON.stringify(s.batches),
  );
  if (s.state === 'completed') break;
  await new Promise((r) => setTimeout(r, 500));
}
console.log(
  await queue.bullQueue.getJobCounts(),
  (await queue.getCampaign('x', { limit: 2 })).failures,
);
kids.forEach((k) => k.kill('SIGTERM'));
await queue.close();
await mock.close();
redisProc.kill();
