import {
  AuthenticationError,
  ChannelUnavailableError,
  InsufficientBalanceError,
  NetworkError,
  ProviderError,
  RateLimitError,
  SmsError,
  SubmitOutcomeUnknownError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from '@intl-sms/core';

/** An `Error` with a nodemailer-style `code` and the core error as `cause`. */
export interface MailError extends Error {
  readonly code: string;
}

/** Builds a nodemailer-style error. */
export function mailError(code: string, message: string, cause?: unknown): MailError {
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });
}

/**
 * The nodemailer code for a core error: `EAUTH`, `EENVELOPE` (no valid recipient or no
 * channel), `EMESSAGE` (bad text), `ECONNECTION`, `ETIMEDOUT`, `EBALANCE`, `ERATELIMIT`,
 * `EOUTCOMEUNKNOWN` (the SMS may have been sent), `EPROTOCOL`, `EPROVIDER`.
 */
export function mailErrorCode(error: unknown): string {
  if (error instanceof AuthenticationError) return 'EAUTH';
  if (error instanceof ChannelUnavailableError) return 'EENVELOPE';
  if (error instanceof ValidationError)
    return error.field === 'text' || error.field === 'sendContent' ? 'EMESSAGE' : 'EENVELOPE';
  if (error instanceof InsufficientBalanceError) return 'EBALANCE';
  if (error instanceof RateLimitError) return 'ERATELIMIT';
  if (error instanceof SubmitOutcomeUnknownError) return 'EOUTCOMEUNKNOWN';
  if (error instanceof TimeoutError) return 'ETIMEDOUT';
  if (error instanceof NetworkError) return 'ECONNECTION';
  if (error instanceof UnexpectedResponseError) return 'EPROTOCOL';
  if (error instanceof ProviderError) return 'EPROVIDER';
  return SmsError.isInstance(error) ? error.code : 'EUNKNOWN';
}

/** Wraps a core error for nodemailer habits; the message is the core one (credential-free). */
export function toMailError(error: unknown): MailError {
  if (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    !SmsError.isInstance(error)
  ) {
    return error as MailError;
  }
  const message = error instanceof Error ? error.message : String(error);
  return mailError(mailErrorCode(error), message, error);
}
