import {
  AllTransportsFailedError,
  PartialSendError,
  type RecipientOutcome,
  SubmitOutcomeUnknownError,
} from '@intl-sms/core';
import type { BookKeeper } from '../books.js';
import type { DrawnRecipient } from '../recipients.js';

/** Books a resolved send's per-recipient outcomes (their states are the buckets). */
export function bookOutcomes(keeper: BookKeeper, outcomes: readonly RecipientOutcome[]): void {
  for (const [index, outcome] of outcomes.entries()) keeper.book(index, outcome.state);
}

/**
 * Books a send that threw. A `PartialSendError` carries every recipient's outcome. Any
 * other error ended the whole send: a `SubmitOutcomeUnknownError` names the numbers of
 * its one submit (unknown); everything else was refused or stopped before a submit.
 * Repeats the send folded into an earlier recipient are duplicates (from the model).
 */
export function bookThrown(
  keeper: BookKeeper,
  error: unknown,
  recipients: readonly DrawnRecipient[],
  dedupe: boolean,
): void {
  if (PartialSendError.isInstance(error)) {
    bookOutcomes(keeper, error.result.recipients);
    return;
  }
  const unknown = unknownNumbers(error);
  const seen = new Set<string>();
  for (const [index, { wire }] of recipients.entries()) {
    if (dedupe && wire !== undefined && seen.has(wire)) keeper.book(index, 'duplicate');
    else keeper.book(index, wire !== undefined && unknown.has(wire) ? 'unknown' : 'failed');
    if (wire !== undefined) seen.add(wire);
  }
}

/**
 * The numbers an error says may have been sent: a `SubmitOutcomeUnknownError`'s, the
 * unknown ones of a `PartialSendError` without accepted batches, and those of every
 * transport's error inside an `AllTransportsFailedError`.
 */
export function unknownNumbers(error: unknown): Set<string> {
  if (SubmitOutcomeUnknownError.isInstance(error)) return new Set(error.phones);
  if (PartialSendError.isInstance(error))
    return new Set(
      error.result.recipients.flatMap((r) => (r.state === 'unknown' && r.phone ? [r.phone] : [])),
    );
  if (AllTransportsFailedError.isInstance(error))
    return new Set(error.errors.flatMap((entry) => [...unknownNumbers(entry.error)]));
  return new Set();
}
