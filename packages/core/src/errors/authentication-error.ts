import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** Thrown when the provider refuses the account or password (sjroom `stateCode` `401`). */
export class AuthenticationError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'AuthenticationError';
  constructor(
    message = 'The provider rejected the account or password',
    options?: SmsErrorOptions,
  ) {
    super('AUTHENTICATION_FAILED', message, { ...options, retryable: false });
  }
}
