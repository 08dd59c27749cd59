/**
 * The receipt clock: virtual milliseconds that run at `speed` times real time. Speed 0
 * freezes receipts; `advance` jumps ahead. Tests use it instead of sleeping.
 */
export class ReceiptClock {
  #speed = 1;
  #anchorReal = performance.now();
  #anchorVirtual = 0;

  /** Virtual milliseconds since the server started. */
  now(): number {
    return this.#anchorVirtual + (performance.now() - this.#anchorReal) * this.#speed;
  }

  /** How many virtual milliseconds pass per real millisecond. */
  get speed(): number {
    return this.#speed;
  }

  /** Changes the speed from now on; receipts already due stay due. */
  setSpeed(speed: number): void {
    this.#anchorVirtual = this.now();
    this.#anchorReal = performance.now();
    this.#speed = speed;
  }

  /** Moves virtual time forward by `ms`. */
  advance(ms: number): void {
    this.#anchorVirtual += ms;
  }
}
