import { NetworkError } from '../errors/network-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { SmsError } from '../errors/sms-error.js';
import type { OperationSpec } from '../kit/operation.js';

/**
 * When and how often a failed call is repeated. Reads (list, query, balance) are
 * repeated on any error whose `retryable` is true: network failures, timeouts, rate
 * limiting, provider 5xx. A submit is repeated only when it provably did not reach the
 * provider (connection refused) or the provider refused it with "too many requests";
 * never after its bytes may have left, because the API has no idempotency key.
 */
export interface RetryPolicy {
  /** Total attempts, the first included; 1 disables retries. */
  readonly maxAttempts: number;
  /** Upper bound of the first pause, in milliseconds. */
  readonly initialDelayMs: number;
  /** Upper bound of any pause, in milliseconds (also caps `Retry-After`). */
  readonly maxDelayMs: number;
  /** Growth of the pause bound from one attempt to the next. */
  readonly multiplier: number;
}

/** The policy used when none is given: 3 attempts, full-jitter pauses of 0–200 ms, 0–400 ms. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  initialDelayMs: 200,
  maxDelayMs: 5_000,
  multiplier: 2,
};

/** What an `onRetry` hook is told before each pause. */
export interface RetryEvent {
  /** The endpoint being retried. */
  readonly endpoint: string;
  /** The attempt that just failed, starting at 1. */
  readonly attempt: number;
  /** The pause before the next attempt, in milliseconds. */
  readonly delayMs: number;
  /** Why the attempt failed (credential-free). */
  readonly error: SmsError;
}

/**
 * Whether `error` of `operation` may be repeated under the rules above: an idempotent
 * operation on any retryable error; a sending one only when it provably sent nothing.
 */
export function isRetryable(operation: OperationSpec, error: unknown): boolean {
  if (!SmsError.isInstance(error)) return false;
  if (!operation.idempotent) {
    return (
      (NetworkError.isInstance(error) && !error.requestSent) || RateLimitError.isInstance(error)
    );
  }
  return error.retryable;
}

/** The pause after failed attempt `attempt` (1-based): full jitter, or the provider's `Retry-After`. */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  error: unknown,
  random = Math.random,
): number {
  if (RateLimitError.isInstance(error) && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, policy.maxDelayMs);
  }
  const bound = Math.min(
    policy.maxDelayMs,
    policy.initialDelayMs * policy.multiplier ** (attempt - 1),
  );
  return Math.round(random() * bound);
}
