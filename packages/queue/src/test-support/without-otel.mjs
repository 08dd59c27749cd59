// A campaign with `@opentelemetry/api` missing, as for a user who did not install the
// optional peer: its import is made to fail, then a queue and a worker run a campaign.
// argv[2]: JSON { redisUrl, mockUrl, name }. Prints the final state as JSON.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === '@opentelemetry/api')
        throw Object.assign(new Error('Cannot find package @opentelemetry/api'), { code: 'ERR_MODULE_NOT_FOUND' });
      return next(specifier, context);
    }`)}`,
);

const { createSjroomTransport } = await import('@intl-sms/core');
const { createSmsQueue, createSmsWorker } = await import('../../dist/index.js');
const { redisUrl, mockUrl, name } = JSON.parse(process.argv[2] ?? '{}');
let otel = 'loaded';
await import('@opentelemetry/api').catch(() => {
  otel = 'missing';
});
const transport = createSjroomTransport({
  baseUrl: mockUrl,
  account: 'demo',
  password: 'demo-password',
  phoneValidation: 'possible',
});
const errors = [];
const queue = createSmsQueue({ connection: redisUrl, name, transport });
const worker = createSmsWorker({
  connection: redisUrl,
  name,
  transport,
  receipts: false,
  onError: (error) => errors.push(error.message),
});
await queue.enqueueCampaign({ campaignId: 'plain', recipients: ['+447400123456'], text: 'Hi' });
let state;
for await (const status of queue.watchCampaign('plain', { intervalMs: 50 })) state = status.state;
await worker.close();
await queue.close();
await transport.close();
console.log(JSON.stringify({ otel, state, errors }));
