import type { ChannelId } from './channel.js';

/** One message to send to one or more recipients. */
export interface SmsMessage {
  /**
   * Recipient numbers: E.164 (`+639171234567`), with `00`, with spaces, dashes or
   * parentheses, digits-only with the country code, or national with `defaultCountry`.
   */
  readonly to: string | readonly string[];
  /** The text, non-empty; long texts are sent as several segments. */
  readonly text: string;
  /** Send every number through this channel, skipping routing. */
  readonly channelId?: ChannelId;
  /** ISO country for numbers written nationally; overrides the transport's default. */
  readonly defaultCountry?: string;
  /**
   * What to do when some recipients cannot be sent to (invalid number, no channel for
   * their country): `reject` (default) fails the whole send before submitting anything;
   * `skip` sends to the others and lists the rest in `rejected`.
   */
  readonly onInvalid?: 'reject' | 'skip';
  /** Send a number given twice only once (default true); repeats are listed in `duplicates`. */
  readonly dedupe?: boolean;
  /** Check the balance first and refuse with `InsufficientBalanceError` if the estimate exceeds it. */
  readonly checkBalance?: boolean;
}
