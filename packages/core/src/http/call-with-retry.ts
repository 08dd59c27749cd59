import type { SmsError } from '../errors/sms-error.js';
import { callHook } from '../hooks/call-hook.js';
import type { OperationSpec } from '../kit/operation.js';
import type { Deadline } from '../runtime/deadline.js';
import { delay } from '../runtime/delay.js';
import { isRetryable, type RetryEvent, type RetryPolicy, retryDelay } from './retry-policy.js';

/** One call's retry context. */
export interface RetryContext {
  /** The operation, with whether it may be repeated. */
  readonly operation: OperationSpec;
  readonly policy: RetryPolicy;
  /** The call's overall deadline; no pause outlives it. */
  readonly deadline: Deadline;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
}

/**
 * After failed attempt `attempt` (1-based) with `error` (already the public error):
 * rethrows it when the policy does not repeat it, attempts are used up, or the pause
 * would outlive the deadline; otherwise tells `onRetry` and waits out the pause.
 */
export async function retryPause(
  context: RetryContext,
  attempt: number,
  error: unknown,
): Promise<void> {
  if (attempt >= context.policy.maxAttempts || !isRetryable(context.operation, error)) throw error;
  const delayMs = retryDelay(context.policy, attempt, error);
  callHook('onRetry', context.onRetry, {
    endpoint: context.operation.name,
    attempt,
    delayMs,
    error: error as SmsError,
  });
  try {
    await delay(delayMs, context.deadline.signal);
  } catch {
    throw error;
  }
}
