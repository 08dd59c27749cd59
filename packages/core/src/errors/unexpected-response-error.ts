import { SmsError, type SmsErrorOptions } from './sms-error.js';

/**
 * Thrown when the provider's answer is not what the contract describes: not JSON, an
 * HTML error page, wrong types, an empty or truncated body.
 */
export class UnexpectedResponseError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'UnexpectedResponseError';
  /** The endpoint that was called. */
  readonly endpoint: string;
  /** The HTTP status of the answer. */
  readonly statusCode: number;
  /** The start of the body (at most 200 characters), with any credential masked. */
  readonly bodySnippet: string;

  constructor(
    endpoint: string,
    statusCode: number,
    reason: string,
    bodySnippet: string,
    options?: SmsErrorOptions,
  ) {
    super(
      'UNEXPECTED_RESPONSE',
      `Unexpected answer from ${endpoint} (HTTP ${statusCode}): ${reason}`,
      options,
    );
    this.endpoint = endpoint;
    this.statusCode = statusCode;
    this.bodySnippet = bodySnippet;
  }
}
