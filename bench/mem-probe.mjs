import { createSmsQueue } from '@intl-sms/queue';
import { Redis } from 'ioredis';
const url = 'redis://127.0.0.1:16398';
const r = new Redis(url);
await r.flushall();
const used = async () => Number(/used_memory:(\d+)/.exec(await r.info('memory'))[1]);
const base = await used();
const N = Number(process.argv[2] ?? 200000);
const personal = process.argv[3] === 'personal';
const q = createSmsQueue({ connection: url, name: 'mem' });
async function* recipients() {
  for (let i = 0; i < N; i++) {
    const to = `+63917${String((i % 1_000_000) * 10 + 5).padStart(7, '0')}`;
    yield personal ? { to, text: `Hello customer number ${i}, your parcel is on its way.` } : to;
  }
}
const t0 = Date.now();
await q.enqueueCampaign({ campaignId: 'm', recipients: recipients(), ...(personal ? {} : { text: 'Your parcel is on its way.' }), phoneValidation: 'possible' });
const after = await used();
console.log({ N, personal, enqueueMs: Date.now() - t0, bytes: after - base, perRecipient: (after - base) / N });
const keys = await r.dbsize();
console.log('keys', keys);
const sample = await r.memory('USAGE', 'bull:{mem}:c:m:k:0');
console.log('chunk0 usage', sample, await r.hlen('bull:{mem}:c:m:k:0'));
const job = await r.memory('USAGE', 'bull:mem:m-c0');
console.log('job usage', job);
await q.close(); r.disconnect();
