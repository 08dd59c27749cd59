import { randomUUID } from 'node:crypto';
import {
  BudgetExceededError,
  RateLimitError,
  SmsError,
  type SmsMessage,
  type SmsTransport,
} from '@intl-sms/core';
import { DelayedError, type Job, type Queue, Worker } from 'bullmq';
import type { QueueMetrics } from '../metrics/queue-metrics.js';
import { receiptJob, type SendJobData } from '../queue-jobs.js';
import type { CampaignStore, Claim, SubmitRecord } from '../store/campaign-store.js';
import { persist } from '../store/persist.js';
import { waitForReplica } from '../store/replica-sync.js';
import type { ChunkEvent } from './chunk-event.js';
import { chunkMessage } from './chunk-message.js';
import { claimWithEstimate } from './claim-with-estimate.js';
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
  readonly metrics: QueueMetrics;
  /** Told about every submit (guarded: a throw never changes an outcome). */
  readonly onChunk: (event: ChunkEvent) => void;
  /** Told of trouble that is no job's failure (a claim no replica confirmed). */
  readonly onError: (error: Error) => void;
}

/** What a send job returns (kept by BullMQ until the job is removed). */
export interface SendJobResult {
  readonly outcome: string;
  readonly accepted?: number;
}

type Go = Extract<Claim, { kind: 'go' }>;

/**
 * Submits one chunk, at most once:
 * 1. claims it in Redis (`queued` → `submitting`) before anything leaves the process, and
 *    when Redis has replicas, waits until one holds the claim: a failover to a replica
 *    without it would hand the chunk to another worker while this submit is out;
 * 2. a chunk already `submitting` means an earlier attempt died mid-submit: it is marked
 *    for reconciliation and never resubmitted;
 * 3. an error that certainly sent nothing gives the chunk back and lets BullMQ retry with
 *    backoff (a provider 429 also pauses every worker through the shared limiter);
 * 4. any other outcome is recorded, and receipt polling is scheduled for each batch.
 * A campaign with a `maxCost` has each chunk estimated first; the claim commits the
 * estimate against the cap or books the chunk as left unsent (`budget`), never submitted.
 * The submit then carries that estimate as its own `maxCost`: the transport refuses
 * anything dearer before it leaves (a price risen since, a refused channel re-routed to a
 * dearer one), and a chunk so refused is booked `budget` too, stopping the campaign.
 */
export function sendProcessor(context: SendProcessorContext) {
  return async (job: Job<SendJobData>, token?: string): Promise<SendJobResult> => {
    const { campaignId, chunk: n } = job.data;
    const attempt = `${job.id}/${randomUUID()}`;
    const claim = await claimWithEstimate(context.store, context.transport, campaignId, n, attempt);
    if (claim.kind === 'paused') {
      await job.moveToDelayed(Date.now() + context.pausedRetryMs, token);
      throw new DelayedError();
    }
    if (claim.kind === 'estimate-failed') {
      // Nothing was claimed: the chunk waits and is estimated again.
      const message = claim.error instanceof Error ? claim.error.message : String(claim.error);
      context.onError(
        new SmsError(
          'ESTIMATE_FAILED',
          `Chunk ${n} of campaign ${campaignId} could not be priced for its maxCost, tried again later: ${message}`,
          { cause: claim.error, retryable: true },
        ),
      );
      await job.moveToDelayed(Date.now() + claim.retryDelayMs, token);
      throw new DelayedError();
    }
    if (claim.kind === 'budget') {
      report(context, budgetEvent(campaignId, n, claim.recipients, claim.reason));
      return { outcome: 'budget' };
    }
    if (claim.kind !== 'go') return { outcome: claim.kind };
    if (!(await claimHeldByReplica(context, campaignId, n, attempt, claim))) {
      await job.moveToDelayed(Date.now() + backoffMs(claim), token);
      throw new DelayedError();
    }
    const started = performance.now();
    let record: SubmitRecord;
    try {
      const result = await context.transport().send(cappedMessage(claim));
      record = recordFromResult(claim, result);
    } catch (error) {
      if (BudgetExceededError.isInstance(error)) {
        // Refused before anything left: left unsent for the budget, never failed or unknown.
        const reason = `chunk ${n} was refused at its submit for its maxCost: ${error.message}`;
        await persist(() => context.store.refuseForBudget(campaignId, n, attempt, reason));
        report(context, budgetEvent(campaignId, n, claim.phones.length, reason));
        return { outcome: 'budget' };
      }
      // A 429 only says "later": it never uses up the chunk's tries.
      const rateLimited = RateLimitError.isInstance(error);
      const lastTry = !rateLimited && claim.tries + 1 >= claim.retry.attempts;
      if (isSafeToRetry(error) && !lastTry) {
        const durationMs = performance.now() - started;
        context.metrics.submit('retried', durationMs / 1_000);
        report(context, retryEvent(campaignId, n, claim, durationMs, error));
        await persist(() => context.store.release(campaignId, n, attempt, !rateLimited));
        if (rateLimited) {
          context.metrics.rateLimitWait();
          await context.worker().rateLimit(error.retryAfterMs ?? 1_000);
          throw Worker.RateLimitError();
        }
        await job.moveToDelayed(Date.now() + backoffMs(claim), token);
        throw new DelayedError();
      }
      record = recordFromError(claim, error);
    }
    const durationMs = performance.now() - started;
    const tracked = context.receipts !== undefined;
    const recorded = await persist(() =>
      context.store.record(campaignId, n, attempt, record, tracked),
    );
    // Best effort: a record a failover loses leaves the chunk claimed, so it is reconciled.
    await waitForReplica(
      context.store.redis,
      context.store.keys(campaignId).chunk(n),
      claim.replicas,
    ).catch(() => false);
    observe(context, campaignId, n, claim, record, durationMs);
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

/**
 * Waits for a replica to hold the claim before the submit may leave. When none
 * confirms it in time, the chunk is given back (nothing was sent; the try is not
 * counted), `onError` hears of it, and false says to try again after a pause.
 */
async function claimHeldByReplica(
  context: SendProcessorContext,
  campaignId: string,
  n: number,
  attempt: string,
  claim: Go,
): Promise<boolean> {
  const key = context.store.keys(campaignId).chunk(n);
  const held = await waitForReplica(context.store.redis, key, claim.replicas).catch(() => false);
  if (held) return true;
  await persist(() => context.store.release(campaignId, n, attempt, false));
  context.onError(
    new SmsError(
      'REDIS_NOT_REPLICATED',
      `No replica of Redis confirmed the claim of chunk ${n} of campaign ${campaignId} in time; nothing was sent, the chunk is tried again`,
      { retryable: true },
    ),
  );
  return false;
}

/** The chunk's message, capped at the estimate its claim committed when the campaign has a cap. */
function cappedMessage(claim: Go): SmsMessage {
  const message = chunkMessage(claim);
  return claim.maxCost === undefined ? message : { ...message, maxCost: claim.maxCost };
}

/** The pause before the next try of a chunk: `retryDelayMs`, doubled after each try. */
function backoffMs(claim: Go): number {
  return claim.retry.retryDelayMs * 2 ** Math.min(claim.tries, 16);
}

function observe(
  context: SendProcessorContext,
  campaignId: string,
  n: number,
  claim: Go,
  record: SubmitRecord,
  durationMs: number,
): void {
  const outcome =
    record.state === 'submitted' ? 'accepted' : record.state === 'failed' ? 'refused' : 'unknown';
  const { accepted, rejected, failed, unknown } = record;
  context.metrics.submit(outcome, durationMs / 1_000, { accepted, rejected, failed, unknown });
  report(context, {
    campaignId,
    chunk: n,
    outcome: record.state,
    recipients: claim.phones.length,
    accepted,
    rejected,
    failed,
    unknown,
    batches: record.batches,
    cost: record.cost,
    durationMs: Math.round(durationMs),
    error: record.error,
  });
}

function budgetEvent(
  campaignId: string,
  n: number,
  recipients: number,
  reason: string,
): ChunkEvent {
  return { ...emptyEvent(campaignId, n, recipients), outcome: 'budget', error: reason };
}

function emptyEvent(campaignId: string, n: number, recipients: number) {
  const none = { accepted: 0, rejected: 0, failed: 0, unknown: 0 };
  return { campaignId, chunk: n, recipients, ...none, batches: [], cost: '0', durationMs: 0 };
}

function retryEvent(
  campaignId: string,
  n: number,
  claim: Go,
  durationMs: number,
  error: unknown,
): ChunkEvent {
  return {
    ...emptyEvent(campaignId, n, claim.phones.length),
    outcome: 'retry',
    durationMs: Math.round(durationMs),
    error: error instanceof Error ? error.message : String(error),
  };
}

/** A listener's throw must not change what happened to the chunk: it becomes a warning. */
function report(context: SendProcessorContext, event: ChunkEvent): void {
  try {
    context.onChunk(event);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.emitWarning(`onChunk threw (ignored): ${message}`, { code: 'INTL_SMS_HOOK_FAILED' });
  }
}
