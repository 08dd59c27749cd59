import { SmsError, type SmsErrorOptions } from './sms-error.js';

/**
 * Thrown when a submit may or may not have reached the provider: a timeout or a reset
 * after the request was written, an unreadable answer, a gateway error. The submit is
 * never repeated automatically because the provider has no idempotency key: check the
 * provider (balance, receipts, its console) before sending again.
 */
export class SubmitOutcomeUnknownError extends SmsError {
  /** The numbers of the submit whose fate is unknown, as they were sent on the wire. */
  readonly phones: readonly string[];
  /** The channel the submit went to. */
  readonly channelId: string;

  constructor(
    phones: readonly string[],
    channelId: string | number,
    reason: string,
    options?: SmsErrorOptions,
  ) {
    super(
      'SUBMIT_OUTCOME_UNKNOWN',
      `The submit of ${phones.length} number(s) to channel ${channelId} may or may not have been accepted (${reason}); it was not retried to avoid a double send`,
      { ...options, retryable: false },
    );
    this.phones = phones;
    this.channelId = String(channelId);
  }
}
