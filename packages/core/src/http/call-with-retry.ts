import type { SmsError } from '../errors/sms-error.js';
import { callHook } from '../hooks/call-hook.js';
import type { OperationSpec } from '../kit/operation.js';
import { delay } from '../runtime/delay.js';
import { isRetryable, type RetryEvent, type RetryPolicy, retryDelay } from './retry-policy.js';

/** One call's retry context. */
export interface RetryContext {
  /** The operation, with whether it may be repeated. */
  readonly operation: OperationSpec;
  readonly policy: RetryPolicy;
  /** Fires when the call's overall deadline passes; no pause outlives it. */
  readonly deadline: AbortSignal;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
}

/**
 * Runs `attempt` until it succeeds, fails with an error the policy does not repeat,
 * runs out of attempts, or would pause past the deadline. `toError` turns whatever an
 * attempt threw into the public error; errors it returns unchanged are rethrown as is.
 */
export async function callWithRetry<T>(
  context: RetryContext,
  attempt: () => Promise<T>,
  toError: (thrown: unknown) => unknown,
): Promise<T> {
  for (let number = 1; ; number++) {
    try {
      return await attempt();
    } catch (thrown) {
      const error = toError(thrown);
      if (number >= context.policy.maxAttempts || !isRetryable(context.operation, error))
        throw error;
      const delayMs = retryDelay(context.policy, number, error);
      callHook('onRetry', context.onRetry, {
        endpoint: context.operation.name,
        attempt: number,
        delayMs,
        error: error as SmsError,
      });
      try {
        await delay(delayMs, context.deadline);
      } catch {
        throw error;
      }
    }
  }
}
