import { SmsError } from '@intl-sms/core';
import { whenTrue, within } from './deadline.js';

/**
 * The calls in progress on a queue, so that `close` can let them finish (up to its
 * timeout) and then cut them off. Cutting is needed because a command sent while Redis
 * is unreachable waits forever — even after its client is disconnected (ioredis parks a
 * client that was reconnecting) — and a caller must get an answer, not a promise that
 * never settles.
 */
export class Operations {
  readonly #what: string;
  readonly #stopping = new AbortController();
  readonly #cut = new AbortController();
  #active = 0;

  /** `what` names the owner in errors, e.g. `Queue intl-sms`. */
  constructor(what: string) {
    this.#what = what;
  }

  /** Aborted as soon as closing starts: loops such as `watchCampaign` end on it. */
  get stopping(): AbortSignal {
    return this.#stopping.signal;
  }

  /** Throws `QUEUE_CLOSED` once closing has started. */
  ensureOpen(): void {
    if (this.#stopping.signal.aborted) throw this.#closedError('is closed');
  }

  /**
   * Runs `work`, refused with `QUEUE_CLOSED` once closing has started, and rejected with
   * it when closing cuts it off.
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.ensureOpen();
    this.#active++;
    let onCut = () => {};
    const cut = new Promise<never>((_, reject) => {
      onCut = () => reject(this.#closedError('was closed before this call finished'));
      this.#cut.signal.addEventListener('abort', onCut, { once: true });
    });
    try {
      return await Promise.race([work(), cut]);
    } finally {
      // One listener per call: removed, or a busy queue would collect them.
      this.#cut.signal.removeEventListener('abort', onCut);
      this.#active--;
    }
  }

  /**
   * Refuses new calls, waits for those in progress up to `timeoutMs` (not at all once
   * `pointless()` says they cannot finish), then cuts off the rest.
   */
  async close(timeoutMs: number, pointless: () => boolean): Promise<void> {
    this.#stopping.abort();
    const idle = whenTrue(() => this.#active === 0 || pointless(), 20);
    await within(idle.reached, timeoutMs);
    idle.stop();
    this.#cut.abort();
  }

  #closedError(what: string): SmsError {
    return new SmsError('QUEUE_CLOSED', `${this.#what} ${what}`);
  }
}
