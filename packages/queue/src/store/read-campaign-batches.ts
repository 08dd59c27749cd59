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
  /** True once every receipt is final (or polling gave up). */
  readonly final: boolean;
}

/** Every accepted batch of a campaign, in chunk order, read from the chunk records. */
export async function readCampaignBatches(
  store: CampaignStore,
  campaignId: string,
): Promise<CampaignBatch[]> {
  const keys = store.keys(campaignId);
  const chunks = Number((await store.redis.hget(keys.campaign, 'chunks')) ?? 0);
  const stored = await store.chunkFields(campaignId, chunks, ['batches']);
  const batches = stored.flatMap(([value], chunk) =>
    value
      ? (JSON.parse(value) as { id: string; channelId: string; size: number }[]).map((batch) => ({
          ...batch,
          chunk,
        }))
      : [],
  );
  const receipts = store.redis.pipeline();
  for (const batch of batches) receipts.hmget(keys.batch(batch.id), 'delivered', 'failed', 'final');
  const counts = (await receipts.exec()) ?? [];
  return batches.map((batch, i) => {
    const [delivered, failed, final] = (counts[i]?.[1] ?? []) as (string | null)[];
    return {
      id: batch.id,
      chunk: batch.chunk,
      channelId: batch.channelId,
      size: batch.size,
      delivered: Number(delivered ?? 0),
      failed: Number(failed ?? 0),
      final: final === '1',
    };
  });
}
