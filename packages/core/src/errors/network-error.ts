import { SmsError, type SmsErrorOptions } from './sms-error.js';

/**
 * Thrown when the connection failed. `requestSent` says whether the request could have
 * reached the provider; a submit that may have been sent fails with
 * {@link SubmitOutcomeUnknownError} instead.
 */
export class NetworkError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'NetworkError';
  /** The endpoint that was called. */
  readonly endpoint: string;
  /** False only when the connection was never established, so nothing left this process. */
  readonly requestSent: boolean;

  constructor(endpoint: string, requestSent: boolean, message: string, options?: SmsErrorOptions) {
    super('NETWORK_ERROR', message, { retryable: true, ...options });
    this.endpoint = endpoint;
    this.requestSent = requestSent;
  }
}
