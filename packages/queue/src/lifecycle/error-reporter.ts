import { SmsError } from '@intl-sms/core';
import { type RedisClient, redisAddress } from '../redis-connection.js';

/** While an outage lasts, it is reported again at most this often. */
const REMINDER_MS = 60_000;

/** Socket error codes that mean "Redis is not reachable right now". */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * Whether an `error` event of ioredis or BullMQ means the connection to Redis is down
 * (refused, reset, timed out, closed, or not Redis at all) rather than a failed command. Our own errors
 * (`SmsError`, e.g. the provider being unreachable) never count.
 */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error) || SmsError.isInstance(error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && SOCKET_CODES.has(code)) return true;
  // "Protocol error": something that is not Redis answered (a wrong port, a proxy).
  return /Connection is closed|Stream isn't writeable|connect ETIMEDOUT|ECONNREFUSED|ECONNRESET|Protocol error/.test(
    error.message,
  );
}

/**
 * Hands errors that reach no caller to the user's `onError`. ioredis and BullMQ emit a
 * connection error on every reconnect attempt of every connection (dozens a second), so
 * those become one `SmsError` with code `REDIS_UNAVAILABLE` when an outage starts, and a
 * reminder at most once a minute while it lasts; the outage ends when our client is
 * ready again. Once closing, connection errors (the consequence of our own disconnect)
 * are dropped. Every other error passes through as it is.
 */
export class ErrorReporter {
  readonly #onError: (error: Error) => void;
  readonly #redis: RedisClient;
  #down = false;
  #reportedAt = 0;
  #closing = false;

  constructor(onError: ((error: Error) => void) | undefined, redis: RedisClient) {
    this.#onError = onError ?? (() => {});
    this.#redis = redis;
    redis.on('ready', () => {
      this.#down = false;
    });
  }

  /** Reports one error (bound: pass it to `on('error', …)` as it is). */
  readonly report = (error: Error): void => {
    if (!isConnectionError(error)) {
      this.#onError(error);
      return;
    }
    const now = Date.now();
    if (this.#closing || (this.#down && now - this.#reportedAt < REMINDER_MS)) return;
    const still = this.#down ? 'still ' : '';
    this.#down = true;
    this.#reportedAt = now;
    const message = `Redis at ${redisAddress(this.#redis)} is ${still}unreachable or not answering as Redis (${error.message}); retrying until it is back or close() is called`;
    this.#onError(new SmsError('REDIS_UNAVAILABLE', message, { cause: error, retryable: true }));
  };

  /** From now on connection errors are ours (we are disconnecting): drop them. */
  closing(): void {
    this.#closing = true;
  }
}
