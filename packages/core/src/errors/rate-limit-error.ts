import { SmsError, type SmsErrorOptions } from './sms-error.js';

/**
 * Thrown when the provider answers "too many requests" (sjroom `stateCode` `429` or
 * HTTP 429). The request was refused, not processed, so it is safe to repeat.
 */
export class RateLimitError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'RateLimitError';
  /** How long the provider asked us to wait, from `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message = 'The provider is rate limiting requests',
    retryAfterMs?: number,
    options?: SmsErrorOptions,
  ) {
    super('RATE_LIMITED', message, { ...options, retryable: true });
    this.retryAfterMs = retryAfterMs;
  }
}
