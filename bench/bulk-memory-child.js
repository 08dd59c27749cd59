// Child process of bulk-memory.js: sendBulk of N generated recipients against the mock at
// argv[2]; prints one JSON line with peak RSS and throughput. Run alone so RSS is ours.
import { createSjroomTransport, sendBulk } from '@intl-sms/core';

const [baseUrl, countText] = process.argv.slice(2);
const count = Number(countText);
async function* recipients() {
  for (let i = 0; i < count; i++)
    yield `+63917${String((i % 1_000_000) * 10 + 5).padStart(7, '0')}`;
}
const sms = createSjroomTransport({ account: 'bench', password: 'bench-password', baseUrl });
// Live heap: sampled after a forced GC every 20 sends (only with --expose-gc), to tell
// retained memory from garbage V8 has not collected yet (which peak RSS also counts). A
// run without it collects only as V8 decides, as an application's does: its peak RSS.
let sends = 0;
let liveHeapMb;
const { gc } = globalThis;
const sampleLiveHeap = () => {
  if (!gc) return;
  gc();
  const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  liveHeapMb = Math.max(liveHeapMb ?? 0, heapMb);
};
const started = performance.now();
const summary = await sendBulk(sms, recipients(), {
  text: 'benchmark',
  onProgress: () => {
    if (++sends % 20 === 0) sampleLiveHeap();
  },
});
sampleLiveHeap();
const seconds = (performance.now() - started) / 1000;
await sms.close();
console.log(
  JSON.stringify({
    count,
    submitted: summary.submitted,
    unaccounted: count - summary.submitted - summary.rejected - summary.failed - summary.unknown,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    liveHeapMb,
    recipientsPerSecond: Math.round(count / seconds),
  }),
);
