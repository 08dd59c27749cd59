import {
  BulkInterruptedError,
  NetworkError,
  PartialSendError,
  SubmitOutcomeUnknownError,
  TimeoutError,
} from '@intl-sms/core';
import { CsvInputError } from './csv-input-error.js';

/** The documented exit codes of `intl-sms`. */
export const EXIT = {
  /** Everything asked was done. */
  ok: 0,
  /** Bad flags or arguments, an unreadable file, no confirmation: nothing was sent. */
  usage: 1,
  /** The provider refused (credentials, balance, channel, invalid numbers). */
  provider: 2,
  /** Some numbers were sent and some were not (or failed on delivery). */
  partial: 3,
  /** The network failed or timed out, or a submit's outcome is unknown (it may have been sent). */
  network: 4,
  /**
   * A malformed row in the input file (sysexits `EX_DATAERR`): rows before it may have
   * been sent — the summary says which — and `--resume` goes on after the fix.
   */
  input: 65,
  /** Interrupted with Ctrl-C: what was submitted is reported, nothing else is sent. */
  interrupted: 130,
} as const;

/** A usage problem found by a command itself (bad value, missing input). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** Stable identifier in `--json` output. */
  readonly code = 'USAGE';
}

/**
 * The exit code for an error a command threw. Core errors are recognised with
 * `isInstance`, never `instanceof`: a second copy of `@intl-sms/core` in the same
 * install (a duplicate in node_modules) must not turn an unknown outcome into a refusal.
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof CsvInputError) return EXIT.input;
  if (PartialSendError.isInstance(error)) return EXIT.partial;
  if (BulkInterruptedError.isInstance(error)) {
    if (error.interruption === 'aborted') return EXIT.interrupted;
    if (error.interruption === 'source-error') return EXIT.input;
  }
  if (
    SubmitOutcomeUnknownError.isInstance(error) ||
    NetworkError.isInstance(error) ||
    TimeoutError.isInstance(error)
  ) {
    return EXIT.network;
  }
  // Every other failure, typed or not, is the provider's (or a business) refusal.
  return EXIT.provider;
}
