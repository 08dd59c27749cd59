import type { Channel } from '../transport/channel.js';

/**
 * The channel list, fetched once and kept for `ttlMs`. Concurrent callers share one
 * fetch; a failed fetch is not cached; `invalidate()` forces the next call to refetch
 * (after a `ChannelUnavailableError`, say).
 */
export class ChannelCache {
  readonly #fetch: () => Promise<readonly Channel[]>;
  readonly #ttlMs: number;
  #entry: { readonly at: number; readonly channels: Promise<readonly Channel[]> } | undefined;

  constructor(fetch: () => Promise<readonly Channel[]>, ttlMs: number) {
    this.#fetch = fetch;
    this.#ttlMs = ttlMs;
  }

  /** The cached channels, fetching them when absent or older than the TTL. */
  get(): Promise<readonly Channel[]> {
    const now = Date.now();
    if (this.#entry && now - this.#entry.at < this.#ttlMs) return this.#entry.channels;
    const channels = this.#fetch();
    const entry = { at: now, channels };
    this.#entry = entry;
    channels.catch(() => {
      if (this.#entry === entry) this.#entry = undefined;
    });
    return channels;
  }

  /** Forgets the cached list. */
  invalidate(): void {
    this.#entry = undefined;
  }
}
