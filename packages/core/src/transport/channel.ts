/**
 * A channel id as the provider issued it: a `number` when it fits in
 * `Number.MAX_SAFE_INTEGER`, otherwise the exact decimal `string` (ids are int64).
 */
export type ChannelId = number | string;

/** A sending route the account may use: one country, one operator, one price. */
export interface Channel {
  /** The id to pass as `channelId` when sending. */
  readonly id: ChannelId;
  /** The destination's calling code as digits (e.g. `"63"`), or an ISO 3166 alpha-2 code if the provider reports that. */
  readonly countryCode: string;
  /** The operator or route name. */
  readonly operator: string;
  /** Price per recipient per SMS segment, as an exact decimal string in the balance's currency. */
  readonly price: string;
  /** The country's English name. */
  readonly nameEn: string;
  /** The country's Chinese name. */
  readonly nameZh: string;
  /** Whether the provider lets the account send through this channel now. */
  readonly enabled: boolean;
}
