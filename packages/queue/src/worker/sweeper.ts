import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { FINAL_STATES } from '../campaign/campaign-status.js';
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
    if (!status || FINAL_STATES.includes(status.state)) {
      await context.store.setActive(campaignId, false); // until a reconcile resends
      continue;
    }
    if (status.state !== 'sending' && status.state !== 'awaiting-receipts') continue;
    const fields = ['state', 'resends', 'batches', 'updatedAt'];
    const chunks = await context.store.chunkFields(campaignId, status.chunks.total, fields);
    for (const [n, [state, resends, batches, updatedAt]] of chunks.entries()) {
      if (state === 'queued' || state === 'submitting') {
        const jobId = sendJobId(campaignId, n, Number(resends ?? 0));
        const data: SendJobData = { campaignId, chunk: n };
        await ensureJob(context.sendQueue, jobId, (queue) =>
          queue.add(SEND_JOB, data, { ...sendJobOptions(), jobId }),
        );
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

/** Adds the job when it is missing, and retries it when it failed. */
async function ensureJob(queue: Queue, jobId: string, add: (queue: Queue) => Promise<unknown>) {
  const job = await queue.getJob(jobId);
  if (!job) await add(queue);
  else if ((await job.getState()) === 'failed') await job.retry('failed');
}

async function ensureReceiptJob(context: SweeperContext, data: ReceiptJobData) {
  const final = await context.store.redis.hget(
    context.store.keys(data.campaignId).batch(data.batchId),
    'final',
  );
  if (final === '1' || !context.receiptsQueue) return;
  const { name, data: jobData, opts } = receiptJob(data, 0);
  await ensureJob(context.receiptsQueue, receiptsJobId(data.campaignId, data.batchId), (queue) =>
    queue.add(name, jobData, opts),
  );
}
