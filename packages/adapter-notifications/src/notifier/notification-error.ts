/**
 * What every adapter of this package rejects with: the core error's `code` and message
 * (credential-free), the core error as `cause`.
 */
export class SmsNotificationError extends Error {
  /** The core error's code, e.g. `AUTHENTICATION_FAILED`, or `VALIDATION_FAILED` for a malformed request. */
  readonly code: string;
  /** The field a malformed request got wrong, when that is why. */
  readonly field: string | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; field?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SmsNotificationError';
    this.code = code;
    this.field = options.field;
  }
}

/** Wraps whatever a send threw, keeping its code and message. */
export function toNotificationError(error: unknown): SmsNotificationError {
  if (error instanceof SmsNotificationError) return error;
  const code =
    typeof (error as { code?: unknown })?.code === 'string'
      ? (error as { code: string }).code
      : 'SEND_FAILED';
  const field = (error as { field?: unknown })?.field;
  return new SmsNotificationError(code, error instanceof Error ? error.message : String(error), {
    cause: error,
    ...(typeof field === 'string' ? { field } : {}),
  });
}
