import type { SubmitFailure } from '../errors/partial-send-error.js';
import { SmsError } from '../errors/sms-error.js';
import { SubmitOutcomeUnknownError } from '../errors/submit-outcome-unknown-error.js';
import { costOf } from '../estimate/cost-estimate.js';
import type { ChannelId } from '../transport/channel.js';
import type { RecipientOutcome, SentBatch } from '../transport/send-result.js';
import type { ChannelGroup } from './prepare-recipients.js';
import { runLimited } from './run-limited.js';

/** Submits one batch and resolves with its batch id. */
export type SubmitBatch = (channelId: ChannelId, phones: readonly string[]) => Promise<string>;

/** A failed submit, with the positions in `to` of its numbers. */
export interface JobFailure extends SubmitFailure {
  /** Positions in the message's `to` of `phones`, in the same order. */
  readonly indexes: readonly number[];
  /**
   * What the submit costs if the provider took it, exact; `undefined` when the price is
   * unknown. A submit of unknown outcome may have been charged this.
   */
  readonly cost: string | undefined;
}

/** The batches accepted and the submits that failed, with every outcome updated. */
export interface SubmitReport {
  readonly batches: SentBatch[];
  readonly failures: JobFailure[];
}

/**
 * Splits each channel's recipients into submits of at most `maxPerSubmit` numbers and
 * sends them, `concurrency` at a time; each accepted batch carries its exact cost. A failed submit does not stop the others. Each
 * entry of `outcomes` is updated with its batch, or marked failed / unknown.
 */
export async function submitGroups(
  groups: readonly ChannelGroup[],
  outcomes: RecipientOutcome[],
  submit: SubmitBatch,
  {
    maxPerSubmit,
    concurrency,
    segments,
  }: { maxPerSubmit: number; concurrency: number; segments: number },
): Promise<SubmitReport> {
  const jobs: ChannelGroup[] = [];
  for (const group of groups) {
    // Most groups fit in one submit: their arrays then serve as they are, not copied.
    if (group.phones.length <= maxPerSubmit) {
      jobs.push(group);
      continue;
    }
    for (let start = 0; start < group.phones.length; start += maxPerSubmit) {
      jobs.push({
        channelId: group.channelId,
        price: group.price,
        indexes: group.indexes.slice(start, start + maxPerSubmit),
        phones: group.phones.slice(start, start + maxPerSubmit),
      });
    }
  }
  const settled = await runLimited(jobs, concurrency, (job) => submit(job.channelId, job.phones));
  const batches: SentBatch[] = [];
  const failures: JobFailure[] = [];
  settled.forEach((result, i) => {
    const job = jobs[i] as ChannelGroup;
    if (result.status === 'fulfilled') {
      batches.push({
        id: result.value,
        channelId: job.channelId,
        recipients: job.phones,
        segments,
        cost: costOf(job, segments),
      });
      for (const index of job.indexes)
        outcomes[index] = acceptedOutcome(outcomes[index] as RecipientOutcome, result.value);
      return;
    }
    const error = submitFailureError(result.reason, job);
    failures.push({
      channelId: job.channelId,
      phones: job.phones,
      indexes: job.indexes,
      error,
      cost: costOf(job, segments),
    });
    const state = SubmitOutcomeUnknownError.isInstance(error) ? 'unknown' : 'failed';
    for (const index of job.indexes)
      outcomes[index] = settledOutcome(outcomes[index] as RecipientOutcome, state, error.message);
  });
  return { batches, failures };
}

/**
 * `outcome` accepted in batch `batchId`, without the reason of an earlier try. An entry
 * on its way to its first submit ({@link pendingOutcome}) is completed in place: one
 * object a number instead of two (this runs for every number, 10,000 a submit).
 */
function acceptedOutcome(outcome: RecipientOutcome, batchId: string): RecipientOutcome {
  if (isPending(outcome)) {
    (outcome as { batchId: string | undefined }).batchId = batchId;
    return outcome;
  }
  return outcome.phone === undefined
    ? { input: outcome.input, state: 'accepted', batchId }
    : { input: outcome.input, phone: outcome.phone, state: 'accepted', batchId };
}

/** `outcome` failed or of unknown fate, for `reason`: a new object, without a batch. */
function settledOutcome(
  outcome: RecipientOutcome,
  state: 'failed' | 'unknown',
  reason: string,
): RecipientOutcome {
  return outcome.phone === undefined
    ? { input: outcome.input, state, reason }
    : { input: outcome.input, phone: outcome.phone, state, reason };
}

/**
 * The outcome of an entry routed to a submit that has not answered yet: shaped as the
 * accepted outcome it most often becomes (its `batchId` filled in then), so that needs
 * no second object. It never leaves the send as it is: every submit settles each of its
 * entries (accepted in place, or replaced by a failed or unknown outcome).
 */
export function pendingOutcome(input: string, phone: string): RecipientOutcome {
  return { input, phone, state: 'accepted', batchId: undefined };
}

/** Whether `outcome` is an entry's {@link pendingOutcome}, not yet given its batch. */
function isPending(outcome: RecipientOutcome): boolean {
  return outcome.state === 'accepted' && outcome.batchId === undefined && 'batchId' in outcome;
}

/**
 * A provider's submit rejects with an `SmsError`; anything else is an error we cannot
 * classify, so the submit may have left: it counts as an unknown outcome, never as a
 * refusal that a failover or a resume would send again.
 */
function submitFailureError(reason: unknown, job: ChannelGroup): SmsError {
  if (SmsError.isInstance(reason)) return reason;
  return new SubmitOutcomeUnknownError(
    job.phones,
    job.channelId,
    'the submit failed with a non-SMS error',
    {
      cause: reason,
      evidence: 'no-answer',
    },
  );
}
