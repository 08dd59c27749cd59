import { Decimal } from '../money/decimal.js';
import type { Channel, ChannelId } from '../transport/channel.js';

/** A destination as routing sees it. */
export interface Destination {
  /** Calling code digits, e.g. `63`. */
  readonly callingCode: string;
  /** ISO 3166-1 alpha-2, when known. */
  readonly country: string | undefined;
}

/** Per-destination channel choice: keys are ISO codes (`PH`) or calling codes (`63`). */
export type ChannelPreferences = Readonly<Record<string, ChannelId>>;

/**
 * The enabled channels by destination, cheapest first. A channel's `countryCode` may be
 * the calling code's digits (as sjroom documents) or an ISO alpha-2 code.
 */
export class ChannelIndex {
  readonly #byKey = new Map<string, Channel[]>();
  readonly #byId = new Map<string, Channel>();

  constructor(channels: readonly Channel[]) {
    for (const channel of channels) {
      this.#byId.set(String(channel.id), channel);
      if (!channel.enabled) continue;
      const key = channelKey(channel.countryCode);
      const list = this.#byKey.get(key) ?? [];
      list.push(channel);
      this.#byKey.set(key, list);
    }
    for (const list of this.#byKey.values()) list.sort(byPriceThenId);
  }

  /** The channel with this id, enabled or not. */
  byId(id: ChannelId): Channel | undefined {
    return this.#byId.get(String(id));
  }

  /**
   * The channel for a destination: the preferred one when the preferences name it (by
   * ISO code, then calling code) and it is enabled, else the cheapest enabled one.
   */
  route(destination: Destination, preferences: ChannelPreferences = {}): Channel | undefined {
    const candidates = this.candidates(destination);
    const byCountry =
      destination.country === undefined
        ? undefined
        : preferredOf(candidates, preferences[destination.country]);
    return (
      byCountry ?? preferredOf(candidates, preferences[destination.callingCode]) ?? candidates[0]
    );
  }

  /** The enabled channels serving a destination, cheapest first. */
  candidates(destination: Destination): readonly Channel[] {
    const byIso = destination.country
      ? this.#byKey.get(destination.country.toUpperCase())
      : undefined;
    return byIso ?? this.#byKey.get(destination.callingCode) ?? [];
  }

  /** Readable names of every destination that has an enabled channel, e.g. `+63 Philippines`. */
  availableDestinations(): string[] {
    return [...this.#byKey.values()]
      .map((list) => list[0] as Channel)
      .map((channel) =>
        `${/^\d+$/.test(channel.countryCode) ? '+' : ''}${channel.countryCode} ${channel.nameEn}`.trim(),
      )
      .sort();
  }
}

/** The candidate with the preferred id, if one is preferred and serves the destination. */
function preferredOf(
  candidates: readonly Channel[],
  preferred: ChannelId | undefined,
): Channel | undefined {
  if (preferred === undefined) return undefined;
  return candidates.find((c) => String(c.id) === String(preferred));
}

function channelKey(countryCode: string): string {
  const trimmed = countryCode.trim();
  return /^[A-Za-z]{2}$/.test(trimmed) ? trimmed.toUpperCase() : trimmed.replace(/\D/g, '');
}

function byPriceThenId(a: Channel, b: Channel): number {
  return (
    Decimal.parse(a.price).compare(Decimal.parse(b.price)) ||
    String(a.id).localeCompare(String(b.id))
  );
}

/** `+63 (PH)`: how errors name a destination. */
export function describeDestination(destination: Destination): string {
  return `+${destination.callingCode}${destination.country ? ` (${destination.country})` : ''}`;
}
