import { ValidationError } from '@intl-sms/core';
import type { Queue } from 'bullmq';
import { checkKnownKeys, checkNonNegative, checkType } from '../check-options.js';
import { SEND_JOB, type SendJobData, sendJobId, sendJobOptions } from '../queue-jobs.js';
import {
  type CampaignStore,
  type FailureEntry,
  recipientIndices,
} from '../store/campaign-store.js';
import { decodePhones, encodeIndices } from '../store/chunk-codec.js';
import { PERSIST_FOR_MS } from '../store/persist.js';

/**
 * What to do with a chunk whose submit outcome is unknown:
 * - `sent`: you found it was accepted (provider console, balance, receipts): its numbers
 *   count as accepted;
 * - `not-sent`: you found it was not: its numbers count as failed (kind `not-sent`);
 * - `resend`: submit its numbers again — only when you are sure they were not sent, or a
 *   duplicate is acceptable;
 * - `keep`: leave it for later.
 */
export type ReconcileDecision = 'sent' | 'not-sent' | 'resend' | 'keep';

/** A chunk whose submit may or may not have reached the provider. */
export interface ReconciliationItem {
  readonly campaignId: string;
  /** The chunk number. */
  readonly chunk: number;
  /** Its numbers whose fate is unknown, as sent on the wire. */
  readonly phones: readonly string[];
  /** Their positions in the campaign's recipients. */
  readonly indices: readonly number[];
  readonly text: string;
  /** The channel the chunk was pinned to, if any. */
  readonly channelId: string | undefined;
  /** What happened: the submit error, or that the worker stopped mid-submit. */
  readonly error: string;
  /**
   * True when another worker found the submit's worker gone mid-submit (it died, or lost
   * its lock while Redis was away): that worker may still record the real outcome until
   * `minAgeMs` has passed. False when the worker itself recorded an outcome it could not
   * know (a timeout, a reset): nothing more will come.
   */
  readonly workerStopped: boolean;
  /** When the outcome became unknown. */
  readonly since: Date;
}

/** How {@link reconcileCampaign} decides. */
export interface ReconcileOptions {
  /**
   * Called for each item; without it every item is kept and only reported, so calling
   * `reconcile(id)` is always safe.
   */
  readonly decide?: (item: ReconciliationItem) => ReconcileDecision | Promise<ReconcileDecision>;
  /**
   * Items whose worker stopped mid-submit (`workerStopped`) less than this long ago are
   * kept untouched (default {@link RECONCILE_MIN_AGE_MS}, 7 minutes): a worker that lost
   * its lock while Redis was away may still record the real outcome — after its submit's
   * timeout (60 s by default) and up to 5 minutes of retrying the write — and that
   * outcome then replaces the guess. Items a worker recorded as unknown itself are final
   * at once.
   */
  readonly minAgeMs?: number;
}

/**
 * The default of {@link ReconcileOptions.minAgeMs}: longer than a submit's default timeout
 * (60 s) plus the time a worker keeps retrying to record its outcome (5 minutes), with a
 * minute to spare.
 */
export const RECONCILE_MIN_AGE_MS = 60_000 + PERSIST_FOR_MS + 60_000;

const DECISIONS: readonly ReconcileDecision[] = ['sent', 'not-sent', 'resend', 'keep'];

/** Refuses bad {@link ReconcileOptions} with a `ValidationError` naming the field. */
export function checkReconcileOptions(options: unknown): void {
  checkKnownKeys(options, ['decide', 'minAgeMs'], 'reconcile options');
  const o = (options ?? {}) as Record<string, unknown>;
  checkType('decide', o.decide, 'function');
  checkNonNegative('minAgeMs', o.minAgeMs);
}

/** What reconciliation found and did. */
export interface ReconcileReport {
  readonly campaignId: string;
  /** Every chunk that needed reconciliation, with the decision taken. */
  readonly items: readonly (ReconciliationItem & { readonly decision: ReconcileDecision })[];
  /** Recipients settled as sent, as not sent, queued again, and still unknown. */
  readonly sent: number;
  readonly notSent: number;
  readonly resent: number;
  readonly kept: number;
}

/** What reconciliation needs from the queue. */
export interface ReconcileContext {
  readonly store: CampaignStore;
  readonly queue: Queue;
}

/**
 * Lists the chunks of a campaign whose submit outcome is unknown and applies the
 * caller's decision to each. The queue never resubmits such a chunk on its own: the
 * provider has no idempotency key, so only someone who checked may decide.
 */
export async function reconcileCampaign(
  context: ReconcileContext,
  campaignId: string,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const { store } = context;
  const minAgeMs = options.minAgeMs ?? RECONCILE_MIN_AGE_MS;
  const report = { campaignId, items: [] as ReconcileReport['items'][number][] };
  const totals = { sent: 0, notSent: 0, resent: 0, kept: 0 };
  for (const n of await store.reconcileList(campaignId)) {
    const item = toItem(campaignId, n, await store.chunk(campaignId, n));
    if (!item) continue;
    const young = item.workerStopped && Date.now() - item.since.getTime() < minAgeMs;
    const decision = young || !options.decide ? 'keep' : await options.decide(item);
    // Checked before anything is applied to this item; items decided before stay decided.
    if (!DECISIONS.includes(decision))
      throw new ValidationError(
        'decide',
        `decide returned ${JSON.stringify(decision)} for chunk ${n}; expected ${DECISIONS.join(', ')}`,
      );
    report.items.push({ ...item, decision });
    if (decision === 'keep') {
      totals.kept += item.phones.length;
      continue;
    }
    const failures = decision === 'not-sent' ? notSentEntries(item) : [];
    const indices = encodeIndices(item.indices);
    const resend = await store.settle(campaignId, n, decision, indices, failures);
    if (resend < 0) continue;
    // The sweeper finds it done (and schedules its expiry) or sends the resend.
    await store.setActive(campaignId, true);
    if (decision === 'sent') totals.sent += item.phones.length;
    else if (decision === 'not-sent') totals.notSent += item.phones.length;
    else {
      totals.resent += item.phones.length;
      const data: SendJobData = { campaignId, chunk: n };
      const jobId = sendJobId(campaignId, n, resend);
      await context.queue.add(SEND_JOB, data, sendJobOptions(jobId));
    }
  }
  return { ...report, ...totals };
}

function toItem(
  campaignId: string,
  chunk: number,
  fields: Record<string, string>,
): ReconciliationItem | undefined {
  if (fields.state !== 'needs-reconciliation') return undefined;
  const phones = decodePhones(fields.unknownPhones);
  const indexOf = recipientIndices(fields);
  return {
    campaignId,
    chunk,
    phones,
    indices: phones.map((phone) => indexOf.get(phone) ?? -1),
    text: fields.text ?? '',
    channelId: fields.channelId || undefined,
    error: fields.error ?? '',
    workerStopped: Boolean(fields.stalledAttempt),
    since: new Date(Number(fields.updatedAt)),
  };
}

function notSentEntries(item: ReconciliationItem): FailureEntry[] {
  const reason = 'its submit outcome was unknown; reconciliation found it was not sent';
  return item.phones.map((phone, i) => {
    const index = item.indices[i] as number;
    return [index, JSON.stringify({ index, phone, kind: 'not-sent', code: 'NOT_SENT', reason })];
  });
}
