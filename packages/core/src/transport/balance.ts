import type { Decimal } from '../money/decimal.js';

/** An account balance, exact. */
export interface Balance {
  /** The balance as the provider wrote it, e.g. `"1024.5000"`. */
  readonly amount: string;
  /** The same value for arithmetic and comparison without floating point. */
  readonly value: Decimal;
}
