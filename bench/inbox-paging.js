// Inbox paging: the time of `GET /__mock/messages?limit=50` (the inbox's first view)
// with 10,000, 100,000 and 1,000,000 stored messages, through the mock's own router
// (`inject`, no socket). The figure is the growth: a page must cost the same whatever
// is stored (O(page)), and 1,000,000 stored must stay under 20 ms a page.
import { buildMockServer } from '@intl-sms/mock-server';
import { ratio, stats } from './stats.js';

const COUNTS = [10_000, 100_000, 1_000_000];

/** A stored one-recipient batch, as the submit route would keep it. */
function storedBatch(seq, channel, now) {
  return {
    seq,
    batchNo: `B${seq}`,
    account: 'demo',
    channel,
    phones: [`63917${String(seq % 10_000_000).padStart(7, '0')}`],
    content: 'Your code is 4242',
    encoding: 'GSM-7',
    segments: 1,
    cost: 350n,
    submittedAt: now,
    submittedClock: 0,
    receiptDelays: new Uint32Array(1),
    outcomes: new Uint8Array(1),
  };
}

/** Runs the benchmark; `pages` timed page requests per stored count (after 5 warm-ups). */
export async function inboxPaging({ counts = COUNTS, pages = 50 } = {}) {
  const perCount = {};
  for (const count of counts) {
    const app = buildMockServer({ limits: { maxBatches: count, maxRecipients: count } });
    try {
      const state = app.mockState;
      const channel = state.channels[0];
      const now = Date.now();
      for (let seq = 1; seq <= count; seq++) state.batches.add(storedBatch(seq, channel, now));
      const samples = [];
      for (let i = 0; i < pages + 5; i++) {
        const started = performance.now();
        const response = await app.inject({ method: 'GET', url: '/__mock/messages?limit=50' });
        const elapsed = performance.now() - started;
        const page = response.json();
        if (page.total !== count || page.messages.length !== 50)
          throw new Error(`unexpected page: total ${page.total}, ${page.messages.length} messages`);
        if (i >= 5) samples.push(elapsed);
      }
      perCount[count] = stats(samples, 2);
    } finally {
      await app.close();
    }
  }
  const first = perCount[counts[0]].median;
  const last = perCount[counts.at(-1)].median;
  const growth = ratio(last, first);
  return {
    name: `mock inbox page of 50 (${counts.map((c) => c.toLocaleString('en')).join(' → ')} stored)`,
    msPerPage: perCount,
    growth,
    bar: 'a page among 1,000,000 stored < 20 ms, the same cost as among 10,000 (O(page))',
    met: last < 20 && growth < 2,
    summary: `${counts.map((c) => `${c.toLocaleString('en')} stored: ${perCount[c].median} ms`).join('; ')} (growth ${growth}×)`,
  };
}
