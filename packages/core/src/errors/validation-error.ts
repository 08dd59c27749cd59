import { SmsError, type SmsErrorOptions } from './sms-error.js';

/**
 * Thrown when an input is missing or malformed, before anything is sent, or when the
 * provider reports a malformed field (sjroom `stateCode` `400` or `413`).
 */
export class ValidationError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'ValidationError';
  /** The offending field, e.g. `to[2]`, `text` or `channelId`; `unknown` when the provider did not say. */
  readonly field: string;

  constructor(field: string, message: string, options?: SmsErrorOptions) {
    super('VALIDATION_FAILED', message, { ...options, retryable: false });
    this.field = field;
  }
}
