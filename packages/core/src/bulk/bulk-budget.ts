import { checkWithinBudget } from '../budget/max-cost.js';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { SmsError } from '../errors/sms-error.js';
import { Decimal } from '../money/decimal.js';
import type { SmsMessage } from '../transport/sms-message.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import type { BulkTally } from './bulk-tally.js';

type Estimate = NonNullable<SmsTransport['estimate']>;

/** A chunk's verdict: its reserved share of the cap, or why it must not be submitted. */
export type Reservation = { readonly share: Decimal } | { readonly refusal: SmsError };

/**
 * The running cost a bulk run has committed against its `maxCost`: what the runs it
 * resumed from committed, plus, for each chunk, its exact estimate from the moment it is
 * cleared to leave — replaced by what its accepted batches really cost once it settles,
 * kept whole when any of its outcomes is unknown (it may all have been charged). The
 * first chunk that would cross the cap is refused, and so is every later one.
 */
export class BulkBudget {
  readonly #cap: Decimal | undefined;
  #committed: Decimal;
  #exceeded = false;

  constructor(cap: Decimal | undefined, committed: Decimal) {
    this.#cap = cap;
    this.#committed = committed;
  }

  /** Whether the run has a cap to keep. */
  get capped(): boolean {
    return this.#cap !== undefined;
  }

  /** The cost committed so far, earlier runs included. */
  get committed(): Decimal {
    return this.#committed;
  }

  /** True once a chunk was refused for the cap: nothing more is submitted. */
  get exceeded(): boolean {
    return this.#exceeded;
  }

  /**
   * Estimates `message` with `transport` and reserves its cost, or refuses it (also
   * when the estimate fails: nothing was sent). Call only when {@link capped}, and never
   * for two chunks at once: the check and the reservation are one step.
   */
  async reserve(transport: SmsTransport, message: SmsMessage): Promise<Reservation> {
    const cap = this.#cap as Decimal;
    if (this.#exceeded) return { refusal: this.#stopped(cap) };
    let required: Decimal | undefined;
    try {
      const estimate = await (transport.estimate as Estimate).call(transport, message);
      required = estimate.complete ? Decimal.parse(estimate.totalCost) : undefined;
    } catch (error) {
      return { refusal: asSmsError(error) };
    }
    try {
      checkWithinBudget(cap, required, this.#committed, 'the next chunk');
    } catch (error) {
      this.#exceeded = true;
      return { refusal: error as BudgetExceededError };
    }
    const share = required as Decimal;
    this.#committed = this.#committed.add(share);
    return { share };
  }

  /** Gives back a share whose chunk was never submitted. */
  release(share: Decimal | undefined): void {
    if (share !== undefined) this.#committed = this.#committed.subtract(share);
  }

  /** Books what a settled chunk really cost (`books` holds that chunk's outcomes only). */
  settle(share: Decimal | undefined, books: BulkTally): void {
    if (books.hasBudget) this.#exceeded = true;
    if (share === undefined) {
      this.#committed = this.#committed.add(books.cost);
      return;
    }
    if (books.hasUnknown) return;
    this.#committed = this.#committed.subtract(share).add(books.cost);
  }

  #stopped(cap: Decimal): BudgetExceededError {
    return new BudgetExceededError(
      `not sent: the run stopped at maxCost ${cap} (${this.#committed} committed)`,
      { maxCost: cap.toString(), required: undefined, committed: this.#committed.toString() },
    );
  }
}

/** An estimate's failure as an `SmsError` (nothing was sent, so never an unknown outcome). */
function asSmsError(error: unknown): SmsError {
  if (SmsError.isInstance(error)) return error;
  return new SmsError('ESTIMATE_FAILED', 'not sent: the chunk could not be estimated for maxCost', {
    cause: error,
  });
}
