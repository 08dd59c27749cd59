import type { Queue } from 'bullmq';
import { receiptsJobId, sendJobId } from '../queue-jobs.js';
import type { CampaignStore } from '../store/campaign-store.js';
import type { CampaignStatus } from './campaign-status.js';

/** The BullMQ queues whose jobs of a deleted campaign are removed. */
export interface CampaignQueues {
  readonly send: Queue;
  readonly receipts: Queue | undefined;
}

/** Keys deleted (and jobs removed) per round trip. */
const PER_ROUND = 500;

/**
 * Whether a campaign is over for good: completed, or cancelled with nothing in flight,
 * no receipt still coming and nothing left to reconcile. Such a campaign expires after
 * its retention; one needing reconciliation is kept until someone decides.
 */
export function isOverForGood(status: CampaignStatus): boolean {
  if (status.state === 'completed') return true;
  return (
    status.state === 'cancelled' &&
    status.counts.queued === 0 &&
    status.counts.unknown === 0 &&
    status.batches.final >= status.batches.total
  );
}

/**
 * Deletes every record of a campaign — its counters, failures, chunks with their
 * numbers, batches — and removes its jobs that are still waiting (a job running now
 * finds its chunk gone and does nothing). The campaign leaves the queue's lists first
 * and its own hash goes last, so a deletion cut short is finished by running it again.
 * Returns false when there was no such campaign.
 */
export async function deleteCampaignData(
  store: CampaignStore,
  queues: CampaignQueues,
  campaignId: string,
): Promise<boolean> {
  const keys = store.keys(campaignId);
  const existed = (await store.redis.exists(keys.campaign)) === 1;
  await store.forget(campaignId);
  let doomed: string[] = [];
  let sendJobs: string[] = [];
  let receiptJobs: string[] = [];
  const flush = async () => {
    if (doomed.length > 0) await store.redis.unlink(...doomed);
    await Promise.all([
      removeJobs(queues.send, sendJobs),
      removeJobs(queues.receipts, receiptJobs),
    ]);
    doomed = [];
    sendJobs = [];
    receiptJobs = [];
  };
  // `state` is in every chunk record: a chunk without resends or batches is found too.
  const fields = ['state', 'resends', 'batches'];
  for await (const [n, [, resends, batches]] of store.chunkFields(campaignId, fields)) {
    doomed.push(keys.chunk(n));
    for (let r = 0; r <= Number(resends ?? 0); r++) sendJobs.push(sendJobId(campaignId, n, r));
    for (const batch of JSON.parse(batches || '[]') as { id: string }[]) {
      doomed.push(keys.batch(batch.id));
      receiptJobs.push(receiptsJobId(campaignId, batch.id));
    }
    if (doomed.length >= PER_ROUND) await flush();
  }
  await flush();
  await store.redis.unlink(keys.failures, keys.reconcile, keys.enqueueLock, keys.campaign);
  return existed;
}

/** Removes jobs that wait or are delayed; a job that is running (locked) is left to finish. */
async function removeJobs(queue: Queue | undefined, ids: readonly string[]): Promise<void> {
  if (!queue || ids.length === 0) return;
  await Promise.all(ids.map((id) => queue.remove(id).catch(() => 0)));
}
