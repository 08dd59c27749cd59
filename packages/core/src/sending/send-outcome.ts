import { PartialSendError } from '../errors/partial-send-error.js';
import { Decimal } from '../money/decimal.js';
import type { SendResult, SentBatch } from '../transport/send-result.js';
import type { PreparedRecipients } from './prepare-recipients.js';
import type { SubmitReport } from './submit-groups.js';
import type { TextToSend } from './text-to-send.js';

/**
 * The result of a send, or the error it ends with: a single failed submit rethrows its
 * own error (e.g. `AuthenticationError`); failures next to accepted batches, or several
 * failures, become a `PartialSendError` carrying the accepted part.
 */
export function sendOutcome(
  report: SubmitReport,
  prepared: PreparedRecipients,
  sending: TextToSend,
): SendResult {
  const result: SendResult = {
    id: report.batches[0]?.id ?? '',
    batches: report.batches,
    // `concat` copies whole arrays; `flatMap` visits each of up to millions of numbers.
    accepted: ([] as string[]).concat(...report.batches.map((batch) => batch.recipients)),
    rejected: prepared.rejected,
    duplicates: prepared.duplicates,
    recipients: prepared.outcomes,
    text: sending.text,
    encoding: sending.segments.encoding,
    segments: sending.segments.segments,
    smartEncoded: sending.smartEncoded,
    totalCost: batchesCost(report.batches).toString(),
    costComplete: report.batches.every((batch) => batch.cost !== undefined),
  };
  const [first, ...others] = report.failures;
  if (!first) return result;
  if (report.batches.length === 0 && others.length === 0) throw first.error;
  throw new PartialSendError(result, report.failures);
}

/** The exact sum of the batches' known costs. */
export function batchesCost(batches: readonly SentBatch[]): Decimal {
  let sum = Decimal.zero();
  for (const batch of batches)
    if (batch.cost !== undefined) sum = sum.add(Decimal.parse(batch.cost));
  return sum;
}
