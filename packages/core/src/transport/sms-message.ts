import type { MaxCost } from '../budget/max-cost.js';
import type { ChannelPreferences } from '../routing/channel-index.js';
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
  readonly channelId?: ChannelId | undefined;
  /** ISO country for numbers written nationally; overrides the transport's default. */
  readonly defaultCountry?: string | undefined;
  /**
   * What to do when some recipients cannot be sent to (invalid number, no channel for
   * their country): `reject` (default) fails the whole send before submitting anything;
   * `skip` sends to the others and lists the rest in `rejected`.
   */
  readonly onInvalid?: 'reject' | 'skip' | undefined;
  /** Send a number given twice only once (default true); repeats are listed in `duplicates`. */
  readonly dedupe?: boolean | undefined;
  /** Check the balance first and refuse with `InsufficientBalanceError` if the estimate exceeds it. */
  readonly checkBalance?: boolean | undefined;
  /** `valid` or `possible` for this send; overrides the transport's `phoneValidation`. */
  readonly phoneValidation?: 'valid' | 'possible' | undefined;
  /**
   * Channel choices for this send, merged over the transport's: keys ISO (`PH`) or
   * calling code (`63`), values channel ids of that destination (another country's
   * channel is refused with a `ValidationError`).
   */
  readonly channelPreferences?: ChannelPreferences | undefined;
  /**
   * Replace characters that have a GSM-7 look-alike (curly quotes, dashes, `…`, Unicode
   * spaces…) so the text goes out as GSM-7 (see `smartEncode`); overrides the transport's
   * `smartEncoding` (default off). The result's `text` is what was sent.
   */
  readonly smartEncoding?: boolean | undefined;
  /**
   * The most this send may cost, in the account's currency (`"2.50"`): when its exact
   * estimate is higher — or a channel's price is unknown — it is refused with a
   * `BudgetExceededError` before anything leaves. A re-route after a channel refusal
   * stays within it too.
   */
  readonly maxCost?: MaxCost | undefined;
}

/** Every key of {@link SmsMessage}: any other key is refused, never ignored. */
export const SMS_MESSAGE_KEYS: readonly string[] = Object.keys({
  to: true,
  text: true,
  channelId: true,
  defaultCountry: true,
  onInvalid: true,
  dedupe: true,
  checkBalance: true,
  phoneValidation: true,
  channelPreferences: true,
  smartEncoding: true,
  maxCost: true,
} satisfies Record<keyof SmsMessage, true>);
