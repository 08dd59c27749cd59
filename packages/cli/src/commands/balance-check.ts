import { Decimal } from '@intl-sms/core';

/** The balance against a cost: what `estimate`, `send --dry-run` and the confirmation show. */
export interface BalanceCheck {
  /** The balance now. */
  readonly balance: string;
  /** The balance once the cost is paid; negative when it does not cover the cost. */
  readonly balanceAfter: string;
  /** False when the balance does not cover the (estimated) cost: a real send would be refused or stop part-way. */
  readonly balanceSufficient: boolean;
  /** How much is missing (`0` when the balance is sufficient). */
  readonly shortfall: string;
}

/** Compares a balance with a cost, exactly. */
export function checkBalance(balance: Decimal, cost: Decimal): BalanceCheck {
  const after = balance.subtract(cost);
  const sufficient = after.compare(Decimal.zero()) >= 0;
  return {
    balance: balance.toString(),
    balanceAfter: after.toString(),
    balanceSufficient: sufficient,
    shortfall: (sufficient ? Decimal.zero(after.scale) : after.negate()).toString(),
  };
}

/** A warning line when the balance does not cover the cost, or nothing. */
export function balanceWarning(check: BalanceCheck, costComplete: boolean): string[] {
  if (check.balanceSufficient) return [];
  const bound = costComplete ? '' : ' (at least: some prices are unknown)';
  return [
    `warning: the balance ${check.balance} does not cover the cost${bound}: ${check.shortfall} short. A real send would be refused for lack of balance, or stop part-way.`,
  ];
}
