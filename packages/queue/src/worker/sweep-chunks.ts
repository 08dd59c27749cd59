import { SmsError } from '@intl-sms/core';
import type { Queue } from 'bullmq';
import { isConnectionError } from '../lifecycle/error-reporter.js';
import {
  receiptJob,
  receiptsJobId,
  SEND_JOB,
  type SendJobData,
  sendJobId,
  sendJobOptions,
} from '../queue-jobs.js';
import type { SweeperContext } from './sweeper.js';

/** One chunk's fields: state, resends, batches, updatedAt, untracked. */
export interface ChunkRow {
  readonly n: number;
  readonly values: (string | null)[];
}

/** Chunks whose jobs are checked per round trip (a campaign may have a million). */
export const CHUNKS_PER_CHECK = 500;

/** The job a chunk or a batch should have, and how to make it. */
interface Wanted {
  readonly queue: Queue;
  readonly jobId: string;
  readonly what: string;
  readonly add: () => Promise<unknown>;
  /** For a receipt poll: its batch (a batch whose receipts are final needs none). */
  readonly batch?: string;
}

/**
 * Gives a job to every chunk of `rows` waiting without one, and a poll to every
 * unfinished batch without one: which jobs exist (or failed) is asked for the whole batch
 * of chunks in one round trip, then only the missing are added, one by one, each guarded.
 */
export async function checkChunks(
  context: SweeperContext,
  campaignId: string,
  rows: readonly ChunkRow[],
) {
  const wanted: Wanted[] = [];
  for (const { n, values } of rows) {
    const [state, resends, batches, updatedAt, untracked] = values;
    if (state === 'queued' || state === 'submitting') {
      const jobId = sendJobId(campaignId, n, Number(resends ?? 0));
      const data: SendJobData = { campaignId, chunk: n };
      const queue = context.queues.send;
      const add = () => queue.add(SEND_JOB, data, sendJobOptions(jobId));
      wanted.push({ queue, jobId, what: `chunk ${n} of campaign ${campaignId}`, add });
    } else if (state === 'submitted' && batches && untracked !== '1' && context.pollsReceipts) {
      const queue = context.queues.receipts;
      if (!queue) continue;
      await guarded(context, `chunk ${n} of campaign ${campaignId}`, async () => {
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
          const { name, data: jobData, opts } = receiptJob(data, 0);
          const jobId = receiptsJobId(campaignId, batch.id);
          const what = `batch ${batch.id} of campaign ${campaignId}`;
          wanted.push({
            queue,
            jobId,
            what,
            add: () => queue.add(name, jobData, opts),
            batch: batch.id,
          });
        }
      });
    }
  }
  if (wanted.length === 0) return;
  const keys = context.store.keys(campaignId);
  const pipeline = context.store.redis.pipeline();
  for (const want of wanted) {
    pipeline.exists(want.queue.toKey(want.jobId));
    pipeline.zscore(want.queue.toKey('failed'), want.jobId);
    if (want.batch !== undefined) pipeline.hget(keys.batch(want.batch), 'final');
    else pipeline.echo('');
  }
  const replies = (await pipeline.exec()) ?? [];
  for (const [i, want] of wanted.entries()) {
    const [exists, failed, final] = replies.slice(i * 3, i * 3 + 3).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    if (final === '1') continue;
    await guarded(context, want.what, async () => {
      if (!exists) await want.add();
      else if (failed !== null) await (await want.queue.getJob(want.jobId))?.retry('failed');
    });
  }
}

/**
 * Runs one step of a sweep; its failure is reported and the sweep goes on. A lost
 * connection is passed on as it is, so that it joins the one report of the outage
 * (`REDIS_UNAVAILABLE`) instead of a `SWEEP_FAILED` per step.
 */
export async function guarded(context: SweeperContext, what: string, step: () => Promise<unknown>) {
  try {
    await step();
  } catch (error) {
    if (isConnectionError(error)) return context.onError(error as Error);
    const message = error instanceof Error ? error.message : String(error);
    context.onError(
      new SmsError('SWEEP_FAILED', `Sweeping ${what} failed: ${message}`, { cause: error }),
    );
  }
}
