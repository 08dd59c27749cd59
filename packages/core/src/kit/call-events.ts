import { callHook, callMethodHook } from '../hooks/call-hook.js';
import type { HttpSettings } from './http-settings.js';

/**
 * Emits the request / response / error hooks and debug log lines of one call, timing each
 * attempt. Every hook and log call is guarded: what they throw never reaches the call.
 */
export class CallEvents {
  readonly #endpoint: string;
  readonly #settings: HttpSettings;
  #attempt = 0;
  #started = 0;

  constructor(endpoint: string, settings: HttpSettings) {
    this.#endpoint = endpoint;
    this.#settings = settings;
  }

  /** An attempt starts. */
  request(): void {
    this.#attempt++;
    this.#started = performance.now();
    const { onRequest, logger } = this.#settings;
    if (onRequest === undefined && logger === undefined) return;
    const event = { endpoint: this.#endpoint, attempt: this.#attempt };
    callHook('onRequest', onRequest, event);
    callMethodHook('logger.debug', logger, (l) => l.debug, event, 'sjroom request');
  }

  /** The attempt got an HTTP answer. */
  response(statusCode: number): void {
    const { onResponse, logger } = this.#settings;
    if (onResponse === undefined && logger === undefined) return;
    const event = {
      endpoint: this.#endpoint,
      attempt: this.#attempt,
      statusCode,
      durationMs: this.#elapsed(),
    };
    callHook('onResponse', onResponse, event);
    callMethodHook('logger.debug', logger, (l) => l.debug, event, 'sjroom response');
  }

  /** The attempt failed with `error` (already credential-free); returns it for rethrowing. */
  error(error: unknown): unknown {
    const { onError, logger } = this.#settings;
    if (onError === undefined && logger === undefined) return error;
    const durationMs = this.#elapsed();
    callHook('onError', onError, {
      endpoint: this.#endpoint,
      attempt: this.#attempt,
      error,
      durationMs,
    });
    const code = (error as { code?: unknown } | undefined)?.code;
    callMethodHook(
      'logger.debug',
      logger,
      (l) => l.debug,
      { endpoint: this.#endpoint, attempt: this.#attempt, code, durationMs },
      'sjroom error',
    );
    return error;
  }

  #elapsed(): number {
    return Math.round((performance.now() - this.#started) * 10) / 10;
  }
}
