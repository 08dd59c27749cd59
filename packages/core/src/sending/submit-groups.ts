import type { SubmitFailure } from '../errors/partial-send-error.js';
import { SmsError } from '../errors/sms-error.js';
import { SubmitOutcomeUnknownError } from '../errors/submit-outcome-unknown-error.js';
import type { ChannelId } from '../transport/channel.js';
import type { RecipientOutcome, SentBatch } from '../transport/send-result.js';
import type { ChannelGroup } from './prepare-recipients.js';
import { runLimited } from './run-limited.js';

/** Submits one batch and resolves with its batch id. */
export type SubmitBatch = (channelId: ChannelId, phones: readonly string[]) => Promise<string>;

/** The batches accepted and the submits that failed, with every outcome updated. */
export interface SubmitReport {
  readonly batches: SentBatch[];
  readonly failures: SubmitFailure[];
}

interface Job {
  readonly channelId: ChannelId;
  readonly indexes: readonly number[];
  readonly phones: readonly string[];
}

/**
 * Splits each channel's recipients into submits of at most `maxPerSubmit` numbers and
 * sends them, `concurrency` at a time. A failed submit does not stop the others. Each
 * entry of `outcomes` is updated with its batch, or marked failed / unknown.
 */
export async function submitGroups(
  groups: readonly ChannelGroup[],
  outcomes: RecipientOutcome[],
  submit: SubmitBatch,
  { maxPerSubmit, concurrency }: { maxPerSubmit: number; concurrency: number },
): Promise<SubmitReport> {
  const jobs: Job[] = [];
  for (const group of groups) {
    for (let start = 0; start < group.phones.length; start += maxPerSubmit) {
      jobs.push({
        channelId: group.channelId,
        indexes: group.indexes.slice(start, start + maxPerSubmit),
        phones: group.phones.slice(start, start + maxPerSubmit),
      });
    }
  }
  const settled = await runLimited(jobs, concurrency, (job) => submit(job.channelId, job.phones));
  const batches: SentBatch[] = [];
  const failures: SubmitFailure[] = [];
  settled.forEach((result, i) => {
    const job = jobs[i] as Job;
    if (result.status === 'fulfilled') {
      batches.push({ id: result.value, channelId: job.channelId, recipients: job.phones });
      for (const index of job.indexes)
        outcomes[index] = { ...(outcomes[index] as RecipientOutcome), batchId: result.value };
      return;
    }
    const error = SmsError.isInstance(result.reason)
      ? result.reason
      : new SmsError('INTERNAL', 'A submit failed with a non-SMS error', { cause: result.reason });
    failures.push({ channelId: job.channelId, phones: job.phones, error });
    const state = error instanceof SubmitOutcomeUnknownError ? 'unknown' : 'failed';
    for (const index of job.indexes) {
      outcomes[index] = { ...(outcomes[index] as RecipientOutcome), state, reason: error.message };
    }
  });
  return { batches, failures };
}
