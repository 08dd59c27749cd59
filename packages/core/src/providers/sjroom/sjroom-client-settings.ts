import type { Dispatcher } from 'undici';
import type { RetryEvent, RetryPolicy } from '../../http/retry-policy.js';

/** The vendor's documented base URL. */
export const SJROOM_DEFAULT_BASE_URL = 'http://api.sjroom.cn';

/** Settings of a {@link SjroomClient}. Only `account` and `password` are required. */
export interface SjroomClientSettings {
  /** The sjroom account name. A secret: never logged. */
  readonly account: string;
  /** The sjroom password. A secret: never logged. */
  readonly password: string;
  /** Base URL of the API, `http://` or `https://`; defaults to {@link SJROOM_DEFAULT_BASE_URL}. */
  readonly baseUrl?: string;
  /**
   * The undici dispatcher to send through (a `Pool`, `Agent`, `ProxyAgent` or `MockAgent`).
   * When omitted the client creates a keep-alive `Agent` and closes it in `close()`;
   * an injected dispatcher is left open for its owner.
   */
  readonly dispatcher?: Dispatcher;
  /** Time allowed to open a connection, in milliseconds (default 10 000). */
  readonly connectTimeout?: number;
  /** Time allowed for the answer's headers, and between body chunks, in milliseconds (default 30 000). */
  readonly responseTimeout?: number;
  /** Default upper bound of one call, retries included, in milliseconds (default 60 000). */
  readonly timeout?: number;
  /** Retry policy for reads (and provably unsent submits); `false` disables retries. */
  readonly retry?: Partial<RetryPolicy> | false;
  /** Called before each retry pause; receives no credential. */
  readonly onRetry?: (event: RetryEvent) => void;
  /** Receives the one-time warning about credentials over plain HTTP; defaults to `process.emitWarning`. */
  readonly logger?: { warn(message: string): void };
  /** Largest answer body accepted, in bytes (default 8 MiB). */
  readonly maxResponseBytes?: number;
}
