import { randomUUID } from 'node:crypto';
import {
  type CampaignQueues,
  deleteCampaignData,
  isOverForGood,
} from '../campaign/delete-campaign.js';
import type { CampaignStore } from '../store/campaign-store.js';
import { CHUNKS_PER_CHECK, type ChunkRow, checkChunks, guarded } from './sweep-chunks.js';

/** What the sweeper needs. */
export interface SweeperContext {
  readonly store: CampaignStore;
  readonly queues: CampaignQueues;
  /** Whether this worker polls receipts (then it also gives lost polls a new job). */
  readonly pollsReceipts: boolean;
  readonly intervalMs: number;
  /** Retention of campaigns that recorded none (made by earlier versions), in ms. */
  readonly defaultRetentionMs: number;
  readonly onError: (error: Error) => void;
}

/** Expired campaigns deleted per sweep, so one sweep stays short. */
const EXPIRED_PER_SWEEP = 20;

/**
 * The campaign records, not BullMQ's jobs, are the truth. A job can be lost — Redis
 * restarted as a script ran, a failover, a job failed on a Redis error in its last
 * attempt — and its chunk would then wait forever. Every `intervalMs`, one worker (behind
 * a lease) walks the campaigns still running and gives a job back to every chunk that is
 * waiting without one, and a poll to every unfinished batch without one; adding a job
 * twice is harmless: the chunk's claim lets only one submit through. It also keeps Redis
 * bounded: a campaign over for good is scheduled to expire after its `retention`, and
 * campaigns whose time has come are deleted. A campaign, chunk or batch that cannot be
 * handled is reported to `onError` and skipped; the others are still swept.
 */
export function startSweeper(context: SweeperContext): { stop(): void } {
  const token = randomUUID();
  const lease = context.store.sweepLeaseKey;
  const timer = setInterval(async () => {
    try {
      const got = await context.store.redis.set(lease, token, 'PX', context.intervalMs, 'NX');
      if (got !== 'OK') return;
      await sweep(context);
      await expire(context);
    } catch (error) {
      context.onError(error as Error);
    }
  }, context.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function sweep(context: SweeperContext): Promise<void> {
  for (const campaignId of await context.store.activeCampaignIds()) {
    await guarded(context, `campaign ${campaignId}`, () => sweepCampaign(context, campaignId));
  }
}

async function sweepCampaign(context: SweeperContext, campaignId: string): Promise<void> {
  const { store } = context;
  const status = await store.status(campaignId, { limit: 0 });
  if (!status) return store.setActive(campaignId, false);
  if (isOverForGood(status)) {
    await store.scheduleExpiry(campaignId, Date.now(), context.defaultRetentionMs);
    return;
  }
  // Waits for a decision: reconcile() (or a raised maxCost) makes it active again.
  if (status.state === 'needs-reconciliation' || status.state === 'budget-exceeded')
    return store.setActive(campaignId, false);
  if (!['sending', 'awaiting-receipts', 'cancelled'].includes(status.state)) return;
  const fields = ['state', 'resends', 'batches', 'updatedAt', 'untracked'];
  let rows: ChunkRow[] = [];
  for await (const [n, values] of store.chunkFields(campaignId, fields)) {
    rows.push({ n, values });
    if (rows.length < CHUNKS_PER_CHECK) continue;
    await checkChunks(context, campaignId, rows);
    rows = [];
  }
  await checkChunks(context, campaignId, rows);
}

/** Deletes campaigns whose retention has passed (still over for good: nothing reopened them). */
async function expire(context: SweeperContext): Promise<void> {
  const { store } = context;
  for (const campaignId of await store.expiredCampaignIds(Date.now(), EXPIRED_PER_SWEEP)) {
    await guarded(context, `expiry of campaign ${campaignId}`, async () => {
      const status = await store.status(campaignId, { limit: 0 });
      if (status && !isOverForGood(status)) {
        await store.unscheduleExpiry(campaignId);
        return;
      }
      await deleteCampaignData(store, context.queues, campaignId);
    });
  }
}
