import { describe, expect, it } from 'vitest';
import type { StoredBatch } from './batch.js';
import { BatchStore } from './batch-store.js';
import { generateChannels } from './channels.js';

const channel = generateChannels({ seed: 1, bigIds: false })[0];

function batch(seq: number, recipients: number, submittedAt = Date.now()): StoredBatch {
  if (!channel) throw new Error('no channel');
  return {
    seq,
    batchNo: `B${seq}`,
    account: 'demo',
    channel,
    phones: Array.from({ length: recipients }, (_, i) => `63917${String(i).padStart(7, '0')}`),
    content: 'x',
    encoding: 'GSM-7',
    segments: 1,
    cost: 1n,
    submittedAt,
    submittedClock: 0,
    receiptDelays: new Uint32Array(recipients),
    outcomes: new Uint8Array(recipients),
  };
}

describe('BatchStore bounds', () => {
  it('drops the oldest batches beyond maxBatches', () => {
    const store = new BatchStore({ maxBatches: 3, maxRecipients: 1_000, ttlMs: 60_000 });
    for (let i = 1; i <= 5; i++) store.add(batch(i, 1));
    expect([...store.newestFirst()].map((b) => b.seq)).toEqual([5, 4, 3]);
    expect(store.get('B1')).toBeUndefined();
  });

  it('drops the oldest batches beyond maxRecipients', () => {
    const store = new BatchStore({ maxBatches: 100, maxRecipients: 10, ttlMs: 60_000 });
    store.add(batch(1, 6));
    store.add(batch(2, 3));
    store.add(batch(3, 4));
    expect(store.recipientCount).toBe(7);
    expect([...store.newestFirst()].map((b) => b.seq)).toEqual([3, 2]);
  });

  it('forgets batches older than the TTL', () => {
    const store = new BatchStore({ maxBatches: 100, maxRecipients: 100, ttlMs: 1_000 });
    store.add(batch(1, 1, Date.now() - 5_000));
    expect(store.get('B1')).toBeUndefined();
    store.add(batch(2, 1));
    expect(store.size).toBe(1);
  });
});

describe('BatchStore newest page', () => {
  it('is the slice of newestFirst at any offset, after evictions and expiry', () => {
    const store = new BatchStore({ maxBatches: 2_000, maxRecipients: 1_000_000, ttlMs: 60_000 });
    const now = Date.now();
    // 3,000 batches through a bound of 2,000 (the evicted prefix gets compacted), the
    // oldest 100 of those kept already expired.
    for (let i = 1; i <= 3_000; i++) store.add(batch(i, 1, i <= 1_100 ? now - 120_000 : now));
    const all = [...store.newestFirst()].map((b) => b.seq);
    expect(all).toHaveLength(1_900);
    for (const [offset, limit] of [
      [0, 50],
      [10, 7],
      [1_880, 50],
      [1_900, 50],
      [5_000, 1],
    ] as const) {
      const page = store.newestPage(offset, limit);
      expect(page.total).toBe(all.length);
      expect(page.batches.map((b) => b.seq)).toEqual(all.slice(offset, offset + limit));
    }
    store.clear();
    expect(store.newestPage(0, 50)).toEqual({ total: 0, batches: [] });
  });
});
