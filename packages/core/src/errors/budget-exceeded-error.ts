import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** The facts a {@link BudgetExceededError} carries. */
export interface BudgetExceededDetails {
  /** The cap, as given (`maxCost`), a decimal string in the account's currency. */
  readonly maxCost: string;
  /** The estimated cost of what was refused, exact; `undefined` when a price is unknown. */
  readonly required: string | undefined;
  /** What was already committed against the cap before this send (bulk runs and campaigns). */
  readonly committed?: string | undefined;
}

/**
 * Thrown, code `BUDGET_EXCEEDED`, when a send's estimated cost is over its `maxCost`
 * (or a channel's price is unknown, so the cap cannot be checked). Thrown before the
 * submit: nothing of the refused send left and nothing was charged.
 */
export class BudgetExceededError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'BudgetExceededError';
  /** The cap, as a decimal string. */
  readonly maxCost: string;
  /** The estimated cost that was refused; `undefined` when a price was unknown. */
  readonly required: string | undefined;
  /** What was already committed against the cap, when the cap spans several sends. */
  readonly committed: string | undefined;

  constructor(message: string, details: BudgetExceededDetails, options?: SmsErrorOptions) {
    super('BUDGET_EXCEEDED', message, { ...options, retryable: false });
    this.maxCost = details.maxCost;
    this.required = details.required;
    this.committed = details.committed;
  }
}
