import type { CampaignStore } from './campaign-store.js';

/** One batch the provider accepted for a campaign, with its receipts so far. */
export interface CampaignBatch {
  /** The provider's batch number. */
  readonly id: string;
  /** The chunk it was submitted for. */
  readonly chunk: number;
  readonly channelId: string;
  /** Numbers in the batch. */
  readonly size: number;
  readonly delivered: number;
  readonly failed: number;
  /** True once every receipt is final (or polling gave up, or its worker polls none). */
  readonly final: boolean;
  /**
   * Price × segments × recipients, exact, as the send result gave it; undefined when the
   * channel's price was unknown (or the batch was recorded by an earlier version).
   */
  readonly cost: string | undefined;
}

/**
 * Every accepted batch of a campaign, in chunk order, read from the chunk records. A
 * batch sent by a worker that polls no receipts counts as final (its recipients are
 * `untracked`).
 */
export async function readCampaignBatches(
  store: CampaignStore,
  campaignId: string,
): Promise<CampaignBatch[]> {
  const keys = store.keys(campaignId);
  const batches: (Omit<CampaignBatch, 'delivered' | 'failed' | 'final'> & {
    untracked: boolean;
  })[] = [];
  type Stored = { id: string; channelId: string; size: number };
  for await (const [chunk, [value, untracked, batchCosts]] of store.chunkFields(campaignId, [
    'batches',
    'untracked',
    'batchCosts',
  ])) {
    if (!value) continue;
    // Costs are kept in the batches' order, `''` for a batch whose price was unknown.
    const costs = (batchCosts ?? '').split(',');
    (JSON.parse(value) as Stored[]).forEach((batch, i) => {
      const cost = costs[i] || undefined;
      batches.push({ ...batch, cost, chunk, untracked: untracked === '1' });
    });
  }
  const receipts = store.redis.pipeline();
  for (const batch of batches) receipts.hmget(keys.batch(batch.id), 'delivered', 'failed', 'final');
  const counts = batches.length > 0 ? ((await receipts.exec()) ?? []) : [];
  return batches.map((batch, i) => {
    const [delivered, failed, final] = (counts[i]?.[1] ?? []) as (string | null)[];
    return {
      id: batch.id,
      chunk: batch.chunk,
      channelId: batch.channelId,
      size: batch.size,
      delivered: Number(delivered ?? 0),
      failed: Number(failed ?? 0),
      final: final === '1' || batch.untracked,
      cost: batch.cost,
    };
  });
}
