/** Counts job processor calls in progress, so `close` knows whether any is left to wait for. */
export class InFlight {
  #count = 0;

  /** Processor calls running now. */
  get size(): number {
    return this.#count;
  }

  /** `fn`, counted while each call runs. */
  wrap<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      this.#count++;
      try {
        return await fn(...args);
      } finally {
        this.#count--;
      }
    };
  }
}
