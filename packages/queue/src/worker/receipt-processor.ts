import { BatchNotFoundError, SmsError, type SmsTransport } from '@intl-sms/core';
import { DelayedError, type Job } from 'bullmq';
import type { QueueMetrics } from '../metrics/queue-metrics.js';
import type { ReceiptJobData } from '../queue-jobs.js';
import {
  type CampaignStore,
  type FailureEntry,
  recipientIndices,
} from '../store/campaign-store.js';
import { persist } from '../store/persist.js';

/** How receipts are polled. */
export interface ReceiptPolling {
  /** First poll this long after the batch was accepted, in ms (default 5,000). */
  readonly firstPollMs?: number;
  /** Polls slow down by half each time up to this interval, in ms (default 60,000). */
  readonly maxPollMs?: number;
  /** After this long without all receipts, the rest count as expired, in ms (default 24 h). */
  readonly giveUpAfterMs?: number;
  /** Batches polled at once per worker (default 4). */
  readonly concurrency?: number;
}

/** What the receipt processor needs. */
export interface ReceiptProcessorContext {
  readonly store: CampaignStore;
  readonly transport: () => SmsTransport;
  readonly polling: Required<ReceiptPolling>;
  readonly metrics: QueueMetrics;
}

/**
 * Polls one batch's receipts, records the counts (idempotently) and puts itself back in
 * the delayed set until every receipt is final or polling gives up. A batch whose
 * campaign was deleted is dropped.
 */
export function receiptProcessor(context: ReceiptProcessorContext) {
  const { polling, metrics } = context;
  return async (job: Job<ReceiptJobData>, token?: string): Promise<string> => {
    const { batchId, size } = job.data;
    if (!(await context.store.redis.exists(context.store.keys(job.data.campaignId).campaign)))
      return 'deleted';
    const expiredNow = Date.now() - job.data.acceptedAt >= polling.giveUpAfterMs;
    let delivered = 0;
    let failed = 0;
    let failedPhones: string[] = [];
    try {
      const report = await context.transport().getDeliveryReport(batchId);
      delivered = report.delivered;
      failed = report.failed;
      failedPhones = report.recipients.filter((r) => r.status === 'failed').map((r) => r.phone);
    } catch (error) {
      metrics.receiptPoll('error');
      if (BatchNotFoundError.isInstance(error)) return finish(context, job.data, 0, 0, [], true);
      if (!(SmsError.isInstance(error) && error.retryable) || expiredNow) throw error;
      return later(job, token, polling);
    }
    const final = delivered + failed >= size;
    metrics.receiptPoll(final ? 'final' : expiredNow ? 'expired' : 'pending');
    if (final || expiredNow) {
      return finish(context, job.data, delivered, failed, failedPhones, !final);
    }
    if (!(await record(context, job.data, delivered, failed, failedPhones, false)))
      return 'deleted';
    return later(job, token, polling);
  };
}

async function finish(
  context: ReceiptProcessorContext,
  data: ReceiptJobData,
  delivered: number,
  failed: number,
  failedPhones: string[],
  expired: boolean,
): Promise<string> {
  if (!(await record(context, data, delivered, failed, failedPhones, true))) return 'deleted';
  return expired ? 'expired' : 'final';
}

async function record(
  context: ReceiptProcessorContext,
  data: ReceiptJobData,
  delivered: number,
  failed: number,
  failedPhones: string[],
  final: boolean,
): Promise<boolean> {
  const failures = failedPhones.length > 0 ? await undelivered(context, data, failedPhones) : [];
  const expired = final ? Math.max(0, data.size - delivered - failed) : 0;
  const receipts = {
    delivered,
    failed,
    final,
    expired,
    size: data.size,
    chunk: data.chunk,
    failures,
  };
  return persist(() => context.store.recordReceipts(data.campaignId, data.batchId, receipts));
}

async function undelivered(
  context: ReceiptProcessorContext,
  data: ReceiptJobData,
  phones: string[],
): Promise<FailureEntry[]> {
  const indexOf = recipientIndices(await context.store.chunk(data.campaignId, data.chunk));
  const reason = `the delivery receipt of batch ${data.batchId} says failed`;
  return phones.map((phone) => {
    const index = indexOf.get(phone) ?? -1;
    const member = { index, phone, kind: 'undelivered', code: 'DELIVERY_FAILED', reason };
    return [index, JSON.stringify(member)];
  });
}

async function later(
  job: Job<ReceiptJobData>,
  token: string | undefined,
  polling: Required<ReceiptPolling>,
): Promise<never> {
  const polls = job.data.polls + 1;
  await job.updateData({ ...job.data, polls });
  const delay = Math.min(polling.maxPollMs, polling.firstPollMs * 1.5 ** polls);
  await job.moveToDelayed(Date.now() + delay, token);
  throw new DelayedError();
}
