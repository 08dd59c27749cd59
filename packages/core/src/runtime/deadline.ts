/**
 * The overall deadline of one call (its attempts and pauses together): one plain timer,
 * cleared when the call ends, instead of an `AbortSignal.timeout` per call — that
 * allocates a signal, an event target and a timer that outlives the call, which at
 * thousands of calls a second was a tenth of the client's CPU. Whoever waits on the
 * call registers one `onExpire` callback at a time (the attempt under way); an
 * `AbortSignal` is made only for code that needs one (a `fetch`, a retry pause).
 */
export class Deadline {
  /** The call's timeout, in milliseconds. */
  readonly ms: number;
  #expired = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listener: (() => void) | undefined;
  #controller: AbortController | undefined;

  constructor(ms: number) {
    this.ms = ms;
    this.#timer = setTimeout(() => this.#expire(), ms);
    // Like `AbortSignal.timeout`, it never keeps a process alive by itself.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Whether the deadline has passed. */
  get expired(): boolean {
    return this.#expired;
  }

  /** What a wait cut short by this deadline rejects with (as `AbortSignal.timeout`'s reason). */
  get reason(): Error {
    return timeoutReason();
  }

  /**
   * Calls `listener` when the deadline passes (at once if it has), until the returned
   * function is called. One listener at a time: a new one replaces the last.
   */
  onExpire(listener: () => void): () => void {
    if (this.#expired) {
      listener();
      return noop;
    }
    this.#listener = listener;
    return () => {
      if (this.#listener === listener) this.#listener = undefined;
    };
  }

  /** A signal that aborts when the deadline passes, made on first use. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#expired) this.#controller.abort(timeoutReason());
    }
    return this.#controller.signal;
  }

  /** The call is over: releases the timer. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#listener = undefined;
  }

  #expire(): void {
    this.#expired = true;
    this.#timer = undefined;
    const listener = this.#listener;
    this.#listener = undefined;
    this.#controller?.abort(timeoutReason());
    listener?.();
  }
}

function noop(): void {}

/** The reason `AbortSignal.timeout` gives: a `TimeoutError` `DOMException` where there is one. */
function timeoutReason(): Error {
  if (typeof DOMException === 'function')
    return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  const reason = new Error('The operation was aborted due to timeout');
  reason.name = 'TimeoutError';
  return reason;
}
