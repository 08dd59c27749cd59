import { PartialSendError } from '../errors/partial-send-error.js';
import type { RecipientOutcome, RejectedRecipient, SendResult } from '../transport/send-result.js';
import type { SubmitReport } from './submit-groups.js';

/**
 * The result of a send, or the error it ends with: a single failed submit rethrows its
 * own error (e.g. `AuthenticationError`); failures next to accepted batches, or several
 * failures, become a `PartialSendError` carrying the accepted part.
 */
export function sendOutcome(
  report: SubmitReport,
  outcomes: readonly RecipientOutcome[],
  rejected: readonly RejectedRecipient[],
  duplicates: readonly RejectedRecipient[],
): SendResult {
  const result: SendResult = {
    id: report.batches[0]?.id ?? '',
    batches: report.batches,
    // `concat` copies whole arrays; `flatMap` visits each of up to millions of numbers.
    accepted: ([] as string[]).concat(...report.batches.map((batch) => batch.recipients)),
    rejected,
    duplicates,
    recipients: outcomes,
  };
  const [first, ...others] = report.failures;
  if (!first) return result;
  if (report.batches.length === 0 && others.length === 0) throw first.error;
  throw new PartialSendError(result, report.failures);
}
