import type { ChannelPreferences } from '../routing/channel-index.js';

/** How a transport reads numbers, routes them and splits sends; every field is optional. */
export interface RoutingSettings {
  /** ISO country for numbers written nationally (e.g. `PH` for `0917 123 4567`). */
  readonly defaultCountry?: string;
  /** `valid` (default): numbers must fit their country's plan; `possible`: length only. */
  readonly phoneValidation?: 'valid' | 'possible';
  /** Default for `SmsMessage.onInvalid` (default `reject`). */
  readonly onInvalid?: 'reject' | 'skip';
  /** Default for `SmsMessage.dedupe` (default true). */
  readonly dedupe?: boolean;
  /** Per-destination channel choice, keys ISO (`PH`) or calling code (`63`); otherwise the cheapest enabled channel. */
  readonly channelPreferences?: ChannelPreferences;
  /** How long the channel list is cached, in milliseconds (default 5 minutes). */
  readonly channelCacheTtlMs?: number;
  /** Most numbers per submit (default and maximum: the provider's limit, 10 000). */
  readonly maxPhonesPerSubmit?: number;
  /** Submits of one send running at once (default 4). */
  readonly submitConcurrency?: number;
}
