import { type Decimal, parseMaxCost } from '@intl-sms/core';
import { UsageError } from './exit-codes.js';

/**
 * Reads `--max-cost`: a decimal amount ≥ 0 in the account's currency (`2.50`), or
 * undefined when the flag is absent. Anything else is a usage error naming the flag
 * (exit 1, nothing sent), not the core's `ValidationError` (which would read as a
 * refusal by the provider).
 */
export function maxCostFromFlag(value: string | undefined): Decimal | undefined {
  if (value === undefined) return undefined;
  try {
    return parseMaxCost(value.trim(), '--max-cost');
  } catch {
    throw new UsageError(
      `--max-cost takes an amount in the account's currency, a decimal ≥ 0 such as 2.50 (a dot, no currency sign); got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
}
