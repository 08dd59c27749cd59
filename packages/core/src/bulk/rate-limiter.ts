import { delay } from '../runtime/delay.js';

/** Spaces calls evenly: at most `perSecond` starts per second (no bursts). */
export class RateLimiter {
  readonly #intervalMs: number;
  #next = 0;

  constructor(perSecond: number) {
    this.#intervalMs = 1000 / perSecond;
  }

  /** Resolves when the next call may start; rejects if `signal` aborts first. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = performance.now();
    const at = Math.max(now, this.#next);
    this.#next = at + this.#intervalMs;
    if (at > now) await delay(at - now, signal);
  }
}
