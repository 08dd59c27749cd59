const marker = Symbol.for('intl-sms.error');

/** Options every {@link SmsError} accepts. */
export interface SmsErrorOptions {
  /** The error that led to this one; kept for debugging, never holds a credential. */
  readonly cause?: unknown;
  /** Whether repeating the same call may succeed. */
  readonly retryable?: boolean;
}

/**
 * Base class of every error thrown by `@intl-sms/*`.
 *
 * Use {@link SmsError.isInstance} rather than `instanceof`: it also recognises errors
 * created by a second copy of this package in the same process.
 */
export class SmsError extends Error {
  /** Stable, machine-readable identifier of the failure, e.g. `AUTHENTICATION_FAILED`. */
  readonly code: string;
  /** Whether repeating the same call may succeed (after a pause). */
  readonly retryable: boolean;
  constructor(code: string, message: string, options: SmsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    Object.defineProperty(this, marker, { value: true });
  }

  /** True when `value` is an `SmsError` from any copy of this package. */
  static isInstance(value: unknown): value is SmsError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
