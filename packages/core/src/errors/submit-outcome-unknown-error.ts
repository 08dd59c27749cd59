import { SmsError, type SmsErrorOptions } from './sms-error.js';

/**
 * What makes a submit's outcome unknown:
 * - `no-answer`: the request may have reached the provider but no complete answer came
 *   back (a timeout, a reset connection, an abort after sending);
 * - `unreadable-answer`: an answer outside the contract (a bare HTTP 5xx, a truncated or
 *   non-JSON body, a success envelope without a batch number);
 * - `provider-error`: the provider answered an error code that does not prove a refusal
 *   (`500`, an unknown code): its exception handler can answer so after the SMS left;
 * - `processing`: the provider said the submit is still being processed.
 */
export type SubmitOutcomeEvidence =
  | 'no-answer'
  | 'unreadable-answer'
  | 'provider-error'
  | 'processing';

/** Options of {@link SubmitOutcomeUnknownError}. */
export interface SubmitOutcomeUnknownOptions extends SmsErrorOptions {
  /** What made the outcome unknown (default `no-answer`). */
  readonly evidence?: SubmitOutcomeEvidence;
}

/**
 * Thrown when a submit may or may not have reached the provider: a timeout or a reset
 * after the request was written, an unreadable answer, a gateway error, a provider `500`.
 * The submit is never repeated automatically because the provider has no idempotency
 * key: check the provider (balance, receipts, its console) before sending again.
 */
export class SubmitOutcomeUnknownError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'SubmitOutcomeUnknownError';
  /** The numbers of the submit whose fate is unknown, as they were sent on the wire. */
  readonly phones: readonly string[];
  /** The channel the submit went to. */
  readonly channelId: string;
  /** What made the outcome unknown; see {@link SubmitOutcomeEvidence}. */
  readonly evidence: SubmitOutcomeEvidence;

  constructor(
    phones: readonly string[],
    channelId: string | number,
    reason: string,
    options: SubmitOutcomeUnknownOptions = {},
  ) {
    const { evidence = 'no-answer', ...rest } = options;
    super(
      'SUBMIT_OUTCOME_UNKNOWN',
      `The submit of ${phones.length} number(s) to channel ${channelId} may or may not have been accepted (${reason}); it was not retried to avoid a double send`,
      { ...rest, retryable: false },
    );
    this.phones = phones;
    this.channelId = String(channelId);
    this.evidence = evidence;
  }
}
