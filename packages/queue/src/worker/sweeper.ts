import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import {
  type ReceiptJobData,
  receiptJob,
  receiptsJobId,
  SEND_JOB,
  type SendJobData,
  sendJobId,
  sendJobOptions,
} from '../queue-jobs.js';
import type { CampaignStore } from '../store/campaign-store.js';

/** What the sweeper needs. */
export interface SweeperContext {
  readonly store: CampaignStore;
  readonly sendQueue: Queue;
  readonly receiptsQueue: Queue | undefined;
  readonly intervalMs: number;
  readonly onError: (error: Error) => void;
}

/**
 * The campaign records, not BullMQ's jobs, are the truth. A job can be lost — Redis
 * restarted as a script ran, a job failed on a Redis error in its last attempt — and its
 * chunk would then wait forever. Every `intervalMs`, one worker (behind a lease) walks
 * the campaigns still sending and gives a job back to every chunk that is waiting
 * without one, and a poll to every unfinished batch without one. Adding a job twice is
 * harmless: the chunk's claim lets only one submit through.
 */
export function startSweeper(context: SweeperContext): { stop(): void } {
  const token = randomUUID();
  const lease = context.store.sweepLeaseKey;
  const timer = setInterval(async () => {
    try {
      const got = await context.store.redis.set(lease, token, 'PX', context.intervalMs, 'NX');
      if (got === 'OK') await sweep(context);
    } catch (error) {
      context.onError(error as Error);
    }
  }, context.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function sweep(context: SweeperContext): Promise<void> {
  for (const campaignId of await context.store.activeCampaignIds()) {
    const status = await context.store.status(campaignId, { limit: 0 });
    if (!status || ['completed', 'cancelled', 'needs-reconciliation'].includes(status.state)) {
      await context.store.setActive(campaignId, false); // until a reconcile resends
      continue;
    }
    if (status.state !== 'sending' && status.state !== 'awaiting-receipts') continue;
    const keys = context.store.keys(campaignId);
    const pipeline = context.store.redis.pipeline();
    for (let n = 0; n < status.chunks.total; n++)
      pipeline.hmget(keys.chunk(n), 'state', 'resends', 'batches', 'updatedAt');
    const replies = (await pipeline.exec()) ?? [];
    for (const [n, [, fields]] of replies.entries()) {
      const [state, resends, batches, updatedAt] = fields as (string | null)[];
      if (state === 'queued' || state === 'submitting') {
        await ensureSendJob(context.sendQueue, campaignId, n, Number(resends ?? 0));
      } else if (state === 'submitted' && batches && context.receiptsQueue) {
        const acceptedAt = Number(updatedAt);
        for (const batch of JSON.parse(batches) as { id: string; size: number }[]) {
          const data = {
            campaignId,
            chunk: n,
            batchId: batch.id,
            size: batch.size,
            acceptedAt,
            polls: 0,
          };
          await ensureReceiptJob(context, data);
        }
      }
    }
  }
}

async function ensureSendJob(queue: Queue, campaignId: string, n: number, resends: number) {
  const jobId = sendJobId(campaignId, n, resends);
  const job = await queue.getJob(jobId);
  if (!job) {
    const data: SendJobData = { campaignId, chunk: n };
    await queue.add(SEND_JOB, data, { ...sendJobOptions(), jobId });
  } else if ((await job.getState()) === 'failed') {
    await job.retry('failed');
  }
}

async function ensureReceiptJob(context: SweeperContext, data: ReceiptJobData) {
  const final = await context.store.redis.hget(
    context.store.keys(data.campaignId).batch(data.batchId),
    'final',
  );
  if (final === '1' || !context.receiptsQueue) return;
  const job = await context.receiptsQueue.getJob(receiptsJobId(data.campaignId, data.batchId));
  if (!job) {
    const { name, data: jobData, opts } = receiptJob(data, 0);
    await context.receiptsQueue.add(name, jobData, opts);
  } else if ((await job.getState()) === 'failed') {
    await job.retry('failed');
  }
}
