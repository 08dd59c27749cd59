import { randomUUID } from 'node:crypto';
import { RateLimitError, type SmsTransport } from '@intl-sms/core';
import { DelayedError, type Job, type Queue, Worker } from 'bullmq';
import { receiptJob, type SendJobData } from '../queue-jobs.js';
import type { CampaignStore, SubmitRecord } from '../store/campaign-store.js';
import { persist } from '../store/persist.js';
import { isSafeToRetry, recordFromError, recordFromResult } from './submit-outcome.js';

/** What the send processor needs. */
export interface SendProcessorContext {
  readonly store: CampaignStore;
  readonly transport: () => SmsTransport;
  /** The receipts queue, or undefined when receipts are not polled. */
  readonly receipts: Queue | undefined;
  readonly firstPollMs: number;
  readonly pausedRetryMs: number;
  /** The worker running this processor, for the shared rate limit. */
  readonly worker: () => Worker;
}

/** What a send job returns (kept by BullMQ until the job is removed). */
export interface SendJobResult {
  readonly outcome: string;
  readonly accepted?: number;
}

/**
 * Submits one chunk, at most once:
 * 1. claims it in Redis (`queued` → `submitting`) before anything leaves the process;
 * 2. a chunk already `submitting` means an earlier attempt died mid-submit: it is marked
 *    for reconciliation and never resubmitted;
 * 3. an error that certainly sent nothing gives the chunk back and lets BullMQ retry with
 *    backoff (a provider 429 also pauses every worker through the shared limiter);
 * 4. any other outcome is recorded, and receipt polling is scheduled for each batch.
 */
export function sendProcessor(context: SendProcessorContext) {
  return async (job: Job<SendJobData>, token?: string): Promise<SendJobResult> => {
    const { campaignId, chunk: n } = job.data;
    const attempt = `${job.id}/${randomUUID()}`;
    const claim = await persist(() => context.store.claim(campaignId, n, attempt));
    if (claim.kind === 'paused') {
      await job.moveToDelayed(Date.now() + context.pausedRetryMs, token);
      throw new DelayedError();
    }
    if (claim.kind !== 'go') return { outcome: claim.kind };
    let record: SubmitRecord;
    try {
      const result = await context.transport().send({
        // Stored numbers are wire digits: the `+` keeps a transport's `defaultCountry`
        // from reading them as national numbers of its own country.
        to: claim.phones.map((phone) => `+${phone}`),
        text: claim.text,
        onInvalid: 'skip',
        ...(claim.channelId === '' ? {} : { channelId: channelIdOf(claim.channelId) }),
      });
      record = recordFromResult(claim, result);
    } catch (error) {
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (isSafeToRetry(error) && !lastTry) {
        await persist(() => context.store.release(campaignId, n, attempt));
        if (RateLimitError.isInstance(error)) {
          await context.worker().rateLimit(error.retryAfterMs ?? 1_000);
          throw Worker.RateLimitError();
        }
        throw error;
      }
      record = recordFromError(claim, error);
    }
    const recorded = await persist(() => context.store.record(campaignId, n, attempt, record));
    if (recorded && context.receipts) {
      const acceptedAt = Date.now();
      const jobs = record.batches.map((batch) =>
        receiptJob(
          { campaignId, chunk: n, batchId: batch.id, size: batch.size, acceptedAt, polls: 0 },
          context.firstPollMs,
        ),
      );
      const queue = context.receipts;
      await persist(() => queue.addBulk(jobs));
    }
    return { outcome: record.state, accepted: record.accepted };
  };
}

/** Channel ids are stored as strings; numbers go back as numbers when they are safe. */
function channelIdOf(stored: string): string | number {
  const value = Number(stored);
  return Number.isSafeInteger(value) ? value : stored;
}
