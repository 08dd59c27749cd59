import type { SendResult } from '../transport/send-result.js';
import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** One submit of a send that did not succeed. */
export interface SubmitFailure {
  /** The channel of the failed submit. */
  readonly channelId: string | number;
  /** The wire numbers of the failed submit. */
  readonly phones: readonly string[];
  /** Why it failed; a `SubmitOutcomeUnknownError` means the numbers may have been sent. */
  readonly error: SmsError;
}

/**
 * Thrown when a send made several submits and not all of them were accepted (or when
 * several failed differently). `result` holds what was accepted; `failures` what was not,
 * each with its error. Numbers in a failure whose error is `SubmitOutcomeUnknownError`
 * may have been sent: do not resend them blindly.
 */
export class PartialSendError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'PartialSendError';
  /** What the provider accepted; `result.recipients` has every number's outcome. */
  readonly result: SendResult;
  /** The submits that failed. */
  readonly failures: readonly SubmitFailure[];

  constructor(result: SendResult, failures: readonly SubmitFailure[], options?: SmsErrorOptions) {
    const failed = failures.reduce((sum, failure) => sum + failure.phones.length, 0);
    super(
      'PARTIAL_SEND',
      `${result.accepted.length} number(s) were accepted in ${result.batches.length} batch(es); ${failed} in ${failures.length} submit(s) failed: ${failures.map((f) => f.error.code).join(', ')}`,
      { cause: failures[0]?.error, ...options, retryable: false },
    );
    this.result = result;
    this.failures = failures;
  }
}
