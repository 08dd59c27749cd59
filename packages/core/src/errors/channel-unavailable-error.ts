import { SmsError, type SmsErrorOptions } from './sms-error.js';

/**
 * Thrown when the channel is not opened for the account or is disabled
 * (sjroom `stateCode` `403`), or when no enabled channel serves a destination.
 */
export class ChannelUnavailableError extends SmsError {
  /** The channel that was refused, when one was named. */
  readonly channelId: string | undefined;

  constructor(message: string, channelId?: string | number, options?: SmsErrorOptions) {
    super('CHANNEL_UNAVAILABLE', message, { ...options, retryable: false });
    this.channelId = channelId === undefined ? undefined : String(channelId);
  }
}
