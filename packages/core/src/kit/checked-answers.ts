import { SmsError } from '../errors/sms-error.js';
import { UnexpectedResponseError } from '../errors/unexpected-response-error.js';
import { Decimal } from '../money/decimal.js';
import type { Balance } from '../transport/balance.js';
import type { Channel } from '../transport/channel.js';

/**
 * What a provider's code threw while using an answer, as the caller sees it: an
 * `SmsError` or the caller's own abort reason as they are; anything else — a `TypeError`
 * from reading an answer of the wrong shape, say — an `UnexpectedResponseError`, so a
 * caller (and `sendBulk`'s books) only ever meets typed errors. `statusCode` is the
 * answer's when known (a throw inside `read`), 0 when the provider's code failed after
 * the call returned.
 */
export function typedReadError(
  error: unknown,
  operation: string,
  signal: AbortSignal | undefined,
  statusCode = 0,
): unknown {
  if (SmsError.isInstance(error)) return error;
  if (signal?.aborted && error === signal.reason) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new UnexpectedResponseError(
    operation,
    statusCode,
    `the provider's ${operation} could not use the answer: ${reason}`,
    '',
    { cause: error },
  );
}

/** The channels a provider returned, checked against the `Channel` contract. */
export function checkedChannels(channels: unknown, operation: string): readonly Channel[] {
  if (!Array.isArray(channels)) throw shapeError(operation, 'a channel list that is not an array');
  channels.forEach((channel: Partial<Channel> | null, i) => {
    const problem = channelProblem(channel);
    if (problem) throw shapeError(operation, `channel ${i}: ${problem}`);
  });
  return channels as readonly Channel[];
}

/** The balance a provider returned, checked against the `Balance` contract. */
export function checkedBalance(balance: unknown, operation: string): Balance {
  const { amount, value } = (balance ?? {}) as Partial<Balance>;
  // Cheap checks only: the balance is read on hot paths (a submit's balance check).
  if (typeof amount !== 'string')
    throw shapeError(operation, 'a balance whose amount is not a string');
  if (typeof value?.add !== 'function')
    throw shapeError(operation, 'a balance whose value is not a Decimal');
  return balance as Balance;
}

function channelProblem(channel: Partial<Channel> | null): string | undefined {
  if (typeof channel !== 'object' || channel === null) return 'not an object';
  const { id, countryCode, price, enabled } = channel;
  if (
    !(typeof id === 'number' && Number.isSafeInteger(id)) &&
    !(typeof id === 'string' && id !== '')
  )
    return 'id is not an integer or a non-empty string';
  if (typeof countryCode !== 'string' || countryCode === '') return 'countryCode is not a string';
  if (typeof price !== 'string' || !isDecimal(price)) return 'price is not a decimal string';
  if (typeof enabled !== 'boolean') return 'enabled is not a boolean';
  for (const key of ['operator', 'nameEn', 'nameZh'] as const)
    if (typeof channel[key] !== 'string') return `${key} is not a string`;
  return undefined;
}

function isDecimal(text: string): boolean {
  try {
    Decimal.parse(text);
    return true;
  } catch {
    return false;
  }
}

function shapeError(operation: string, what: string): UnexpectedResponseError {
  return new UnexpectedResponseError(operation, 0, `the provider's ${operation} gave ${what}`, '');
}
