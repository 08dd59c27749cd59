import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** Where a {@link ChannelUnavailableError} came from, when routing found no channel. */
export interface NoRouteDetails {
  /** The destination without an enabled channel: calling code, with the ISO country when known (`+63 (PH)`). */
  readonly country: string;
  /** The destinations that do have an enabled channel, e.g. `['+44 United Kingdom', ...]`. */
  readonly availableCountries: readonly string[];
}

/**
 * Thrown when the channel is not opened for the account or is disabled
 * (sjroom `stateCode` `403`), or when no enabled channel serves a destination.
 */
export class ChannelUnavailableError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'ChannelUnavailableError';
  /** The channel that was refused, when one was named. */
  readonly channelId: string | undefined;
  /** The destination that has no enabled channel, when routing failed. */
  readonly country: string | undefined;
  /** The destinations that have an enabled channel, when routing failed. */
  readonly availableCountries: readonly string[] | undefined;

  constructor(
    message: string,
    channelId?: string | number,
    options?: SmsErrorOptions & Partial<NoRouteDetails>,
  ) {
    super('CHANNEL_UNAVAILABLE', message, { ...options, retryable: false });
    this.channelId = channelId === undefined ? undefined : String(channelId);
    this.country = options?.country;
    this.availableCountries = options?.availableCountries;
  }
}
