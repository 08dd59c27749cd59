/**
 * The `idempotency_key`s this provider has sent (or may have sent), with the id it
 * resolved with. Medusa's notification module sends a key again when its row says
 * `failure`, and a row can say `failure` after the SMS left: when its final update fails
 * (a retried key gets a fresh row id that the update cannot find), or after a rejection
 * with `incomplete: 'reject'`. Remembering the keys stops that resend within one
 * process; it cannot see other processes.
 */
export class SentKeys {
  readonly #ids = new Map<string, string>();
  readonly #inFlight = new Map<string, Promise<unknown>>();
  readonly #limit: number;

  /** Remembers at most `limit` keys, forgetting the oldest first. */
  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  /** The id a send with `key` resolved with, if this process sent it. */
  get(key: string | undefined): string | undefined {
    return key === undefined ? undefined : this.#ids.get(key);
  }

  /** Records that a send with `key` may have reached the provider. */
  remember(key: string | undefined, id: string): void {
    if (key === undefined) return;
    this.#ids.delete(key);
    this.#ids.set(key, id);
    if (this.#ids.size > this.#limit) {
      const oldest = this.#ids.keys().next().value;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
  }

  /**
   * The send with `key` in flight in this process, if any (a retried step, a second
   * subscriber racing the first): wait for it, then ask again, then read {@link get}.
   */
  inFlight(key: string | undefined): Promise<unknown> | undefined {
    return key === undefined ? undefined : this.#inFlight.get(key);
  }

  /** Marks `send` as the send of `key` until it settles; returns it. */
  track<T>(key: string | undefined, send: Promise<T>): Promise<T> {
    if (key === undefined) return send;
    this.#inFlight.set(key, send);
    const done = () => {
      if (this.#inFlight.get(key) === send) this.#inFlight.delete(key);
    };
    send.then(done, done);
    return send;
  }
}
