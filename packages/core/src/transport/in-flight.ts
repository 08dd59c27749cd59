import { SmsError } from '../errors/sms-error.js';

/**
 * The operations a transport has under way (a send is several HTTP calls: channels,
 * then submits), so `close()` can let them finish before the connections go.
 */
export class InFlight {
  readonly #operations = new Set<Promise<unknown>>();
  #closing = false;

  /** Runs `operation`, tracked; refuses to start once closing began. */
  run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#closing)
      return Promise.reject(new SmsError('CLIENT_CLOSED', 'The transport is closed'));
    const promise = operation();
    this.#operations.add(promise);
    const forget = () => this.#operations.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Refuses new operations and resolves once the running ones settled. */
  async drain(): Promise<void> {
    this.#closing = true;
    while (this.#operations.size > 0) await Promise.allSettled([...this.#operations]);
  }
}
