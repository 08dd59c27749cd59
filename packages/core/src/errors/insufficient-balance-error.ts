import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** Extra facts an {@link InsufficientBalanceError} may carry. */
export interface InsufficientBalanceDetails {
  /** The account balance as a decimal string, when known. */
  readonly balance?: string;
  /** The estimated cost of the refused send as a decimal string, when known. */
  readonly required?: string;
}

/**
 * Thrown when the balance is too low for a submit (sjroom `stateCode` `402`), or,
 * with `checkBalance`, before submitting when the estimate exceeds the balance.
 * Nothing was charged.
 */
export class InsufficientBalanceError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'InsufficientBalanceError';
  /** The account balance as a decimal string, when known. */
  readonly balance: string | undefined;
  /** The cost that was needed as a decimal string, when known. */
  readonly required: string | undefined;

  constructor(
    message = 'The account balance is too low for this send',
    details: InsufficientBalanceDetails = {},
    options?: SmsErrorOptions,
  ) {
    super('INSUFFICIENT_BALANCE', message, { ...options, retryable: false });
    this.balance = details.balance;
    this.required = details.required;
  }
}
