import { formatAmount } from '../money/amount.js';

/** A mock account. The password is kept here and never leaves the state module. */
export interface MockAccount {
  readonly account: string;
  password: string;
  /** Balance in units of 10^-8 (see `money/amount.ts`). */
  balance: bigint;
  /** Ids of the channels opened for this account. */
  channelIds: Set<string>;
}

/** An account as the inspection API shows it: no password. */
export interface PublicAccount {
  readonly account: string;
  readonly balance: string;
  readonly channelIds: readonly string[];
}

/** The demo account's credentials alone: spread them into a transport's settings. */
export const DEMO_CREDENTIALS = { account: 'demo', password: 'demo-password' } as const;

/** The account the README demo uses (with its starting balance). */
export const DEMO_ACCOUNT = {
  account: 'demo',
  password: 'demo-password',
  balance: '1000.0000',
} as const;

/** The password-free view of an account. */
export function publicAccount(account: MockAccount): PublicAccount {
  return {
    account: account.account,
    balance: formatAmount(account.balance),
    channelIds: [...account.channelIds],
  };
}
