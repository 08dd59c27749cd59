/** Holds, on every instance, the `errorType` of its class and of each class it extends. */
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
  /**
   * The class's stable name, the same in every copy of this package (minifiers rename
   * classes; this string stays): what {@link SmsError.isInstance} matches.
   */
  static readonly errorType: string = 'SmsError';

  constructor(code: string, message: string, options: SmsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const own = new.target as typeof SmsError;
    this.name = Object.hasOwn(own, 'errorType') ? own.errorType : own.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    const types: string[] = [];
    for (
      let c: unknown = own;
      c !== Error && typeof c === 'function';
      c = Object.getPrototypeOf(c)
    ) {
      if (Object.hasOwn(c, 'errorType')) types.push((c as typeof SmsError).errorType);
    }
    Object.defineProperty(this, marker, { value: Object.freeze(types) });
  }

  /**
   * True when `value` is an instance of this class (or a subclass) from any copy of this
   * package: `SubmitOutcomeUnknownError.isInstance(error)`. Use it instead of
   * `instanceof`, which fails when two copies of the package are installed.
   */
  static isInstance<E extends SmsError>(
    this: { readonly errorType: string; readonly prototype: E },
    value: unknown,
  ): value is E {
    if (typeof value !== 'object' || value === null) return false;
    const types = (value as { [marker]?: unknown })[marker];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class the check was called on (SmsError or a subclass).
    const wanted = this.errorType;
    if (wanted === SmsError.errorType) return types !== undefined;
    return Array.isArray(types) && types.includes(wanted);
  }
}
