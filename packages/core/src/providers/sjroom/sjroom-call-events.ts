import type { SjroomClientSettings } from './sjroom-client-settings.js';

/** Emits the request / response / error hooks and debug log lines of one call, timing each attempt. */
export class CallEvents {
  readonly #endpoint: string;
  readonly #settings: SjroomClientSettings;
  #attempt = 0;
  #started = 0;

  constructor(endpoint: string, settings: SjroomClientSettings) {
    this.#endpoint = endpoint;
    this.#settings = settings;
  }

  /** An attempt starts. */
  request(): void {
    this.#attempt++;
    this.#started = performance.now();
    const event = { endpoint: this.#endpoint, attempt: this.#attempt };
    this.#settings.onRequest?.(event);
    this.#settings.logger?.debug?.(event, 'sjroom request');
  }

  /** The attempt got an HTTP answer. */
  response(statusCode: number): void {
    const event = {
      endpoint: this.#endpoint,
      attempt: this.#attempt,
      statusCode,
      durationMs: this.#elapsed(),
    };
    this.#settings.onResponse?.(event);
    this.#settings.logger?.debug?.(event, 'sjroom response');
  }

  /** The attempt failed with `error` (already credential-free); returns it for rethrowing. */
  error(error: unknown): unknown {
    const durationMs = this.#elapsed();
    this.#settings.onError?.({
      endpoint: this.#endpoint,
      attempt: this.#attempt,
      error,
      durationMs,
    });
    const code = (error as { code?: unknown } | undefined)?.code;
    this.#settings.logger?.debug?.(
      { endpoint: this.#endpoint, attempt: this.#attempt, code, durationMs },
      'sjroom error',
    );
    return error;
  }

  #elapsed(): number {
    return Math.round((performance.now() - this.#started) * 10) / 10;
  }
}
