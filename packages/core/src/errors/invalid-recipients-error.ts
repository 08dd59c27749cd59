import type { RejectedRecipient } from '../transport/send-result.js';
import type { SmsErrorOptions } from './sms-error.js';
import { ValidationError } from './validation-error.js';

/**
 * Thrown by `send` with `onInvalid: 'reject'` (the default) when any recipient cannot be
 * sent to: an invalid number, or a destination without an enabled channel. Nothing was
 * submitted. `rejected` lists every such recipient with its reason.
 */
export class InvalidRecipientsError extends ValidationError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'InvalidRecipientsError';
  /** Every recipient that could not be sent to, in input order. */
  readonly rejected: readonly RejectedRecipient[];

  constructor(rejected: readonly RejectedRecipient[], options?: SmsErrorOptions) {
    const first = rejected[0];
    const more = rejected.length > 1 ? ` (and ${rejected.length - 1} more)` : '';
    super(
      first ? `to[${first.index}]` : 'to',
      `${rejected.length} recipient(s) cannot be sent to; nothing was sent. to[${first?.index}] ${JSON.stringify(first?.input)}: ${first?.reason}${more}. Pass onInvalid: 'skip' to send to the others`,
      options,
    );
    this.rejected = rejected;
  }
}
