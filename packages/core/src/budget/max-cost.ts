import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { Decimal } from '../money/decimal.js';

/** A cost cap as the caller gives it: a decimal string (`"12.50"`) or a number (`12.5`). */
export type MaxCost = string | number;

/**
 * An amount as `maxCost` takes it, and as a resume token records a committed cost: plain
 * digits, an optional fraction, no sign, exponent or spaces, at most 30 + 18 digits.
 */
export const PLAIN_AMOUNT = /^\d{1,30}(?:\.\d{1,18})?$/;

/**
 * Reads a `maxCost` option as an exact decimal ≥ 0, or `undefined` when absent; anything
 * else (a negative, `NaN`, `"12,50"`, `"1e3"`, `" 5"`, an object) is a `ValidationError`
 * naming `field`. A number is read through its shortest text (`12.5` → `"12.5"`).
 */
export function parseMaxCost(value: unknown, field = 'maxCost'): Decimal | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'number' ? String(value) : value;
  const cap = typeof text === 'string' && PLAIN_AMOUNT.test(text) ? Decimal.parse(text) : undefined;
  if (cap === undefined) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
    throw new ValidationError(
      field,
      `${field} must be a decimal amount ≥ 0 in the account's currency, plain digits such as "12.50"; got ${shown}`,
    );
  }
  return cap;
}

/**
 * Refuses, with a `BudgetExceededError`, spending `required` on top of `committed` under
 * `cap`; `required` is `undefined` when a price is unknown (the cap cannot be checked).
 */
export function checkWithinBudget(
  cap: Decimal,
  required: Decimal | undefined,
  committed: Decimal = Decimal.zero(),
  what = 'this send',
): void {
  const details = {
    maxCost: cap.toString(),
    required: required?.toString(),
    ...(committed.units === 0n ? {} : { committed: committed.toString() }),
  };
  if (required === undefined) {
    throw new BudgetExceededError(
      `Nothing was sent: the price of a channel of ${what} is unknown, so maxCost ${cap} cannot be checked`,
      details,
    );
  }
  if (committed.add(required).compare(cap) <= 0) return;
  const spent = committed.units === 0n ? '' : ` on top of ${committed} already committed`;
  throw new BudgetExceededError(
    `Nothing was sent: ${what} would cost ${required}${spent}, over maxCost ${cap}`,
    details,
  );
}
