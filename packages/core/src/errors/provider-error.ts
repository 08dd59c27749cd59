import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** What a {@link ProviderError} reports about the failed call; never the request body. */
export interface ProviderErrorDetails {
  /** The provider's business code, e.g. `"500"` or `"COM00101"`; undefined for a bare HTTP failure. */
  readonly stateCode: string | undefined;
  /** The provider's message for the code. */
  readonly stateMsg: string | undefined;
  /** The endpoint that failed, e.g. `balance`. */
  readonly endpoint: string;
  /** The HTTP status of the answer. */
  readonly statusCode: number;
}

/**
 * Thrown for a provider-side failure with no more specific class: `stateCode` `500`,
 * an unknown code, or an HTTP 5xx. Retryable for reads only.
 */
export class ProviderError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'ProviderError';
  /** The provider's business code, when the answer had one. */
  readonly stateCode: string | undefined;
  /** The provider's message, when the answer had one. */
  readonly stateMsg: string | undefined;
  /** The endpoint that failed. */
  readonly endpoint: string;
  /** The HTTP status of the answer. */
  readonly statusCode: number;

  constructor(details: ProviderErrorDetails, options?: SmsErrorOptions) {
    const what =
      details.stateCode === undefined
        ? `HTTP ${details.statusCode}`
        : `stateCode ${details.stateCode}`;
    const msg = details.stateMsg ? `: ${details.stateMsg}` : '';
    super('PROVIDER_ERROR', `The provider failed ${details.endpoint} with ${what}${msg}`, options);
    this.stateCode = details.stateCode;
    this.stateMsg = details.stateMsg;
    this.endpoint = details.endpoint;
    this.statusCode = details.statusCode;
  }
}
