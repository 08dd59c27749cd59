import {
  NetworkError,
  PartialSendError,
  SubmitOutcomeUnknownError,
  TimeoutError,
} from '@intl-sms/core';

/** The documented exit codes of `intl-sms`. */
export const EXIT = {
  /** Everything asked was done. */
  ok: 0,
  /** Bad flags or arguments: nothing was sent. */
  usage: 1,
  /** The provider refused (credentials, balance, channel, invalid numbers, a provider error). */
  provider: 2,
  /** Some numbers were sent and some were not (or failed on delivery). */
  partial: 3,
  /** The network failed or timed out (a submit may have an unknown outcome). */
  network: 4,
  /** Interrupted with Ctrl-C: what was submitted is reported, nothing else is sent. */
  interrupted: 130,
} as const;

/** A usage problem found by a command itself (bad value, missing input). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The exit code for an error a command threw. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof PartialSendError) return EXIT.partial;
  if (
    error instanceof SubmitOutcomeUnknownError ||
    error instanceof NetworkError ||
    error instanceof TimeoutError
  ) {
    return EXIT.network;
  }
  // Every other failure, typed or not, is the provider's (or a business) refusal.
  return EXIT.provider;
}
