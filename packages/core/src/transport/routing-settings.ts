import type { ChannelPreferences } from '../routing/channel-index.js';
import { checkNonNegative, checkOneOf, checkType } from '../validation/check-options.js';

/** How a transport reads numbers, routes them and splits sends; every field is optional. */
export interface RoutingSettings {
  /** ISO country for numbers written nationally (e.g. `PH` for `0917 123 4567`). */
  readonly defaultCountry?: string | undefined;
  /** `valid` (default): numbers must fit their country's plan; `possible`: length only. */
  readonly phoneValidation?: 'valid' | 'possible' | undefined;
  /** Default for `SmsMessage.onInvalid` (default `reject`). */
  readonly onInvalid?: 'reject' | 'skip' | undefined;
  /** Default for `SmsMessage.dedupe` (default true). */
  readonly dedupe?: boolean | undefined;
  /** Per-destination channel choice, keys ISO (`PH`) or calling code (`63`); otherwise the cheapest enabled channel. */
  readonly channelPreferences?: ChannelPreferences | undefined;
  /** How long the channel list is cached, in milliseconds (default 5 minutes). */
  readonly channelCacheTtlMs?: number | undefined;
  /** Most numbers per submit (default and maximum: the provider's limit, 10 000). */
  readonly maxPhonesPerSubmit?: number | undefined;
  /** Submits of one send running at once (default 4). */
  readonly submitConcurrency?: number | undefined;
  /**
   * Default for `SmsMessage.smartEncoding` (default false): replace characters with a
   * GSM-7 look-alike so texts written in a word processor go out as GSM-7.
   */
  readonly smartEncoding?: boolean | undefined;
}

/** Every key of {@link RoutingSettings}. */
export const ROUTING_SETTING_KEYS: readonly string[] = Object.keys({
  defaultCountry: true,
  phoneValidation: true,
  onInvalid: true,
  dedupe: true,
  channelPreferences: true,
  channelCacheTtlMs: true,
  maxPhonesPerSubmit: true,
  submitConcurrency: true,
  smartEncoding: true,
} satisfies Record<keyof RoutingSettings, true>);

/** Refuses routing settings whose values could only be ignored or misread. */
export function checkRoutingSettings(settings: RoutingSettings): void {
  checkOneOf('phoneValidation', settings.phoneValidation, ['valid', 'possible']);
  checkOneOf('onInvalid', settings.onInvalid, ['reject', 'skip']);
  checkType('defaultCountry', settings.defaultCountry, 'string');
  checkOneOf('smartEncoding', settings.smartEncoding, [true, false]);
  for (const field of ['channelCacheTtlMs', 'submitConcurrency'] as const)
    checkNonNegative(field, settings[field]);
}
