import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** Thrown when a read call did not complete within its timeout. */
export class TimeoutError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'TimeoutError';
  /** The endpoint that was called. */
  readonly endpoint: string;
  /** The timeout that passed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(endpoint: string, timeoutMs: number, options?: SmsErrorOptions) {
    super('TIMEOUT', `The provider did not answer ${endpoint} within ${timeoutMs} ms`, {
      retryable: true,
      ...options,
    });
    this.endpoint = endpoint;
    this.timeoutMs = timeoutMs;
  }
}
