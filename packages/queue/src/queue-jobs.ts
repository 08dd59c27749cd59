import { ValidationError } from '@intl-sms/core';
import type { JobsOptions, KeepJobs } from 'bullmq';

/** BullMQ job name of a chunk's submit. */
export const SEND_JOB = 'send';
/** BullMQ job name of a batch's receipt polling. */
export const RECEIPTS_JOB = 'receipts';

/** Data of a send job: which chunk to submit; the numbers stay in the chunk's hash. */
export interface SendJobData {
  readonly campaignId: string;
  readonly chunk: number;
}

/** Data of a receipt-polling job. */
export interface ReceiptJobData {
  readonly campaignId: string;
  readonly chunk: number;
  readonly batchId: string;
  /** Numbers in the batch. */
  readonly size: number;
  /** When the batch was accepted (ms since the epoch). */
  readonly acceptedAt: number;
  /** Polls done so far. */
  readonly polls: number;
}

/** The queue that carries receipt polling, apart so the send rate limit does not slow it. */
export function receiptsQueueName(name: string): string {
  return `${name}-receipts`;
}

/**
 * The id of chunk n's send job: derived from the campaign and chunk, so enqueuing the
 * same campaign twice adds nothing (BullMQ ignores an id it holds). A resend decided by
 * reconciliation gets a new id.
 */
export function sendJobId(campaignId: string, chunk: number, resend = 0): string {
  return resend === 0 ? `${campaignId}-c${chunk}` : `${campaignId}-c${chunk}-r${resend}`;
}

/**
 * The id of a batch's receipt-polling job. Batch numbers are the provider's and may hold
 * anything, but BullMQ refuses a job id with `:`: characters other than letters, digits
 * and `_ . @ -` are written `%XX` (as in a URL), which keeps distinct batches distinct.
 */
export function receiptsJobId(campaignId: string, batchId: string): string {
  const safe = batchId.replace(/[^A-Za-z0-9_.@-]/gu, (c) =>
    [...Buffer.from(c, 'utf8')]
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  );
  return `${campaignId}-b${safe}`;
}

const CAMPAIGN_ID = /^[A-Za-z0-9_.@-]{1,128}$/;

/** Campaign ids become Redis keys and job ids: letters, digits, `_ . @ -`, at most 128. */
export function checkCampaignId(campaignId: unknown): string {
  if (typeof campaignId !== 'string' || !CAMPAIGN_ID.test(campaignId)) {
    throw new ValidationError(
      'campaignId',
      `campaignId must be 1 to 128 letters, digits or "_ . @ -", got ${JSON.stringify(campaignId)}`,
    );
  }
  return campaignId;
}

/**
 * Options of a send job: its id, nothing else. A campaign of personalised texts has one
 * job per recipient, and Redis keeps a small hash (every value under 64 bytes) in a
 * compact encoding several times smaller than a large one: retries with backoff are
 * counted on the chunk by the worker (see the send processor), and what is kept of
 * finished jobs is the worker's setting ({@link FINISHED_SEND_JOBS}), not each job's.
 */
export function sendJobOptions(jobId: string): JobsOptions {
  return { jobId };
}

/** What BullMQ keeps of finished send jobs: none that completed, failed ones for 7 days. */
export const FINISHED_SEND_JOBS: { removeOnComplete: KeepJobs; removeOnFail: KeepJobs } = {
  removeOnComplete: { count: 0 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** How a campaign's submits that certainly sent nothing are retried. */
export interface RetryPolicy {
  /** Tries in all (default 8); the last failure counts its recipients as failed. */
  readonly attempts: number;
  /** The first pause, doubled after each try (default 1,000 ms). */
  readonly retryDelayMs: number;
}

/** The defaults of {@link RetryPolicy}. */
export const RETRY_DEFAULTS: RetryPolicy = { attempts: 8, retryDelayMs: 1_000 };

/**
 * A receipt-polling job. Polls are reads: one that fails (provider or Redis away) is
 * simply tried again later, many times, so a batch's counts are not abandoned.
 */
export function receiptJob(data: ReceiptJobData, delayMs: number) {
  const opts: JobsOptions = {
    jobId: receiptsJobId(data.campaignId, data.batchId),
    delay: delayMs,
    attempts: 50,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  };
  return { name: RECEIPTS_JOB, data, opts };
}
