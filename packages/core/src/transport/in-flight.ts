import { SmsError } from '../errors/sms-error.js';

/**
 * The operations a transport has under way (a send is several HTTP calls: channels,
 * then submits), so `close()` can let them finish before the connections go.
 */
export class InFlight {
  /** Operations under way (a count: tracking costs no allocation per operation). */
  #running = 0;
  readonly #idle: (() => void)[] = [];
  #closing = false;

  /** Runs `operation`, tracked; refuses to start once closing began. */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    this.enter();
    try {
      return await operation();
    } finally {
      this.end();
    }
  }

  /** One operation starts, or a `CLIENT_CLOSED` error once closing began (pair with {@link InFlight.end}). */
  enter(): void {
    if (this.#closing) throw new SmsError('CLIENT_CLOSED', 'The transport is closed');
    this.#running++;
  }

  /** One operation starts (for callers that track it themselves; pair with {@link InFlight.end}). */
  start(): void {
    this.#running++;
  }

  /** An operation {@link InFlight.start}ed has settled. */
  end(): void {
    if (--this.#running === 0) for (const resolve of this.#idle.splice(0)) resolve();
  }

  /** Refuses new operations and resolves once the running ones settled. */
  async drain(): Promise<void> {
    this.#closing = true;
    if (this.#running > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
  }
}
