import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** One transport's failure inside a failover. */
export interface TransportFailureEntry {
  /** The failing transport's `provider` name. */
  readonly provider: string;
  /** Its position in the failover list. */
  readonly index: number;
  /** What it threw. */
  readonly error: unknown;
}

/** Thrown by a failover transport when every transport it tried failed; `errors` has each one. */
export class AllTransportsFailedError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'AllTransportsFailedError';
  /** Each transport's failure, in the order they were tried. */
  readonly errors: readonly TransportFailureEntry[];

  constructor(errors: readonly TransportFailureEntry[], options?: SmsErrorOptions) {
    super(
      'ALL_TRANSPORTS_FAILED',
      `All ${errors.length} transport(s) failed: ${errors
        .map(
          (entry) =>
            `${entry.provider}#${entry.index}: ${(entry.error as { code?: string })?.code ?? (entry.error as Error)?.message}`,
        )
        .join('; ')}`,
      { cause: errors.at(-1)?.error, ...options, retryable: false },
    );
    this.errors = errors;
  }
}
