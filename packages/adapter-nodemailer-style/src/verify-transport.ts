import type { SmsTransport } from '@intl-sms/core';
import { toMailError } from './mail-errors.js';

/** What `verify()` reports: the credentials work, and the balance. */
export interface SmsVerifyResult {
  /** Always true: a failed check rejects instead (`EAUTH` for wrong credentials). */
  readonly ok: true;
  /** The provider's name, e.g. `sjroom`. */
  readonly provider: string;
  /** The account balance as the provider wrote it, e.g. `"1000.0000"`. */
  readonly balance: string;
}

/** Checks the credentials by asking for the balance. */
export async function verifyTransport(transport: SmsTransport): Promise<SmsVerifyResult> {
  try {
    const balance = await transport.getBalance();
    return { ok: true, provider: transport.provider, balance: balance.amount };
  } catch (error) {
    throw toMailError(error);
  }
}

/** Calls `callback(error, result)` when given, else returns the promise: nodemailer's two styles. */
export function withCallback<T>(
  promise: Promise<T>,
  callback?: (error: Error | null, result?: T) => void,
): Promise<T> | undefined {
  if (!callback) return promise;
  promise.then(
    (result) => callback(null, result),
    (error: Error) => callback(error),
  );
  return undefined;
}
