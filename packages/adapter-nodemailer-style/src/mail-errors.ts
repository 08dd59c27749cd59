import {
  AllTransportsFailedError,
  AuthenticationError,
  BudgetExceededError,
  ChannelUnavailableError,
  InsufficientBalanceError,
  NetworkError,
  PartialSendError,
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

/** The codes of core errors that prove nothing was sent, in the order they are checked. */
const CODES: readonly [{ isInstance(error: unknown): boolean }, string][] = [
  [AuthenticationError, 'EAUTH'],
  [ChannelUnavailableError, 'EENVELOPE'],
  [InsufficientBalanceError, 'EBALANCE'],
  [BudgetExceededError, 'EBUDGET'],
  [RateLimitError, 'ERATELIMIT'],
  [TimeoutError, 'ETIMEDOUT'],
  [NetworkError, 'ECONNECTION'],
  [UnexpectedResponseError, 'EPROTOCOL'],
  [ProviderError, 'EPROVIDER'],
];

/**
 * The nodemailer code for a core error: `EAUTH`, `EENVELOPE` (no valid recipient or no
 * channel), `EMESSAGE` (bad text), `ECONNECTION`, `ETIMEDOUT`, `EBALANCE`, `EBUDGET` (over
 * `maxCost`), `ERATELIMIT`,
 * `EPROTOCOL`, `EPROVIDER` — all of them mean nothing was sent — or `EOUTCOMEUNKNOWN`:
 * the SMS may have been sent (a submit's outcome is unknown, also inside a send that
 * had no batch accepted). Uses `isInstance`, so it works across duplicate installs.
 */
export function mailErrorCode(error: unknown): string {
  if (SubmitOutcomeUnknownError.isInstance(error)) return 'EOUTCOMEUNKNOWN';
  if (PartialSendError.isInstance(error)) {
    if (error.result.batches.length > 0) return 'EOUTCOMEUNKNOWN';
    const unknown = error.failures.find((f) => mailErrorCode(f.error) === 'EOUTCOMEUNKNOWN');
    return unknown ? 'EOUTCOMEUNKNOWN' : mailErrorCode(error.failures[0]?.error);
  }
  if (AllTransportsFailedError.isInstance(error)) {
    const codes = error.errors.map((entry) => mailErrorCode(entry.error));
    return codes.includes('EOUTCOMEUNKNOWN') ? 'EOUTCOMEUNKNOWN' : (codes.at(-1) ?? 'EUNKNOWN');
  }
  if (ValidationError.isInstance(error))
    return error.field === 'text' || error.field === 'sendContent' ? 'EMESSAGE' : 'EENVELOPE';
  for (const [type, code] of CODES) if (type.isInstance(error)) return code;
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
