import type { ChannelId } from './channel.js';

/** One message to send to one or more recipients. */
export interface SmsMessage {
  /** Recipient numbers in international form (`+639171234567`, `639171234567` or `00639171234567`). */
  readonly to: string | readonly string[];
  /** The text, non-empty; one SMS or several segments. */
  readonly text: string;
  /** The channel to send through. Required by transports that do not route by themselves. */
  readonly channelId?: ChannelId;
}
