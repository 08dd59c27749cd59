import {
  classifySendFailure,
  codeOf,
  type SmsSendFailure,
  type SmsSendOutcome,
} from './classify-send-failure.js';

/** Marks every `SmsNotificationError`, whichever copy of this package created it. */
const marker = Symbol.for('intl-sms.notification-error');

/** Options of {@link SmsNotificationError}. */
export interface SmsNotificationErrorOptions
  extends Partial<Pick<SmsSendFailure, 'accepted' | 'failed' | 'unknown' | 'batchIds'>> {
  /** The core error (or whatever the send threw). */
  readonly cause?: unknown;
  /** The field a malformed request got wrong. */
  readonly field?: string;
  /** How the send ended; default `unknown`, the conservative answer. */
  readonly outcome?: SmsSendOutcome;
}

/**
 * What every adapter of this package rejects with: the core error's `code` and message
 * (credential-free), the core error as `cause`, and what happened to the numbers:
 * `outcome` (`refused`, `unknown`, `partial`), `safeToRetry`, and the `accepted`,
 * `failed` and `unknown` numbers with the accepted `batchIds`.
 */
export class SmsNotificationError extends Error implements SmsSendFailure {
  /** The class's stable name, matched by {@link SmsNotificationError.isInstance}. */
  static readonly errorType: string = 'SmsNotificationError';
  /** The core error's code, e.g. `AUTHENTICATION_FAILED`, or `VALIDATION_FAILED` for a malformed request. */
  readonly code: string;
  /** The field a malformed request got wrong, when that is why. */
  readonly field: string | undefined;
  /** {@inheritDoc SmsSendFailure.outcome} */
  readonly outcome: SmsSendOutcome;
  /** {@inheritDoc SmsSendFailure.safeToRetry} */
  readonly safeToRetry: boolean;
  /** {@inheritDoc SmsSendFailure.accepted} */
  readonly accepted: readonly string[];
  /** {@inheritDoc SmsSendFailure.failed} */
  readonly failed: readonly string[];
  /** {@inheritDoc SmsSendFailure.unknown} */
  readonly unknown: readonly string[];
  /** {@inheritDoc SmsSendFailure.batchIds} */
  readonly batchIds: readonly string[];

  constructor(code: string, message: string, options: SmsNotificationErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SmsNotificationError';
    this.code = code;
    this.field = options.field;
    this.outcome = options.outcome ?? 'unknown';
    this.safeToRetry = this.outcome === 'refused';
    this.accepted = options.accepted ?? [];
    this.failed = options.failed ?? [];
    this.unknown = options.unknown ?? [];
    this.batchIds = options.batchIds ?? [];
    Object.defineProperty(this, marker, { value: true });
  }

  /**
   * True when `value` is an `SmsNotificationError` from any copy of this package; use it
   * instead of `instanceof`, which fails when two copies are installed.
   */
  static isInstance(value: unknown): value is SmsNotificationError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [marker]?: unknown })[marker] === true
    );
  }
}

/** Wraps whatever a send threw, keeping its code and message and classifying it. */
export function toNotificationError(error: unknown): SmsNotificationError {
  if (SmsNotificationError.isInstance(error)) return error;
  const { outcome, accepted, failed, unknown, batchIds } = classifySendFailure(error);
  const field = (error as { field?: unknown } | null | undefined)?.field;
  return new SmsNotificationError(
    codeOf(error),
    error instanceof Error ? error.message : String(error),
    {
      cause: error,
      outcome,
      accepted,
      failed,
      unknown,
      batchIds,
      ...(typeof field === 'string' ? { field } : {}),
    },
  );
}
