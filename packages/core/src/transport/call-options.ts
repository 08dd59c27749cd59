import { ValidationError } from '../errors/validation-error.js';
import { checkKnownKeys, describe, durationProblem } from '../validation/check-options.js';

/** Per-call options accepted by every transport and client method. */
export interface CallOptions {
  /** Aborts the call. An aborted submit whose request may have left fails as outcome-unknown. */
  readonly signal?: AbortSignal | undefined;
  /** Upper bound for this call in milliseconds, retries included. */
  readonly timeout?: number | undefined;
}

/**
 * No options: the one object every layer passes when the caller gave none, so the HTTP
 * layer recognises it and skips checking it.
 */
export const NO_CALL_OPTIONS: CallOptions = Object.freeze({});

/** Every key of {@link CallOptions}. */
export const CALL_OPTION_KEYS: readonly string[] = Object.keys({
  signal: true,
  timeout: true,
} satisfies Record<keyof CallOptions, true>);

/**
 * Refuses per-call options that cannot be honoured — an unknown key, a `timeout` that is
 * not a positive integer of milliseconds, a `signal` that is not an `AbortSignal` — with
 * a `ValidationError` naming the option, before anything is sent.
 */
export function checkCallOptions(
  options: unknown,
  keys: readonly string[] = CALL_OPTION_KEYS,
  field = 'call options',
): void {
  checkKnownKeys(options, keys, field);
  if (options === undefined) return;
  const { timeout, signal } = options as Record<string, unknown>;
  const problem = durationProblem(timeout);
  if (problem) throw new ValidationError('timeout', `timeout ${problem}`);
  checkSignal(signal);
}

/** Refuses a `signal` that is neither absent nor an `AbortSignal`, with a `ValidationError`. */
export function checkSignal(signal: unknown): void {
  if (signal !== undefined && !isAbortSignal(signal))
    throw new ValidationError('signal', `signal must be an AbortSignal, got ${describe(signal)}`);
}

/** An `AbortSignal` of this realm or another (a polyfill, a test environment's). */
function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof AbortSignal !== 'undefined' && value instanceof AbortSignal) return true;
  const candidate = value as { aborted?: unknown; addEventListener?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function'
  );
}
