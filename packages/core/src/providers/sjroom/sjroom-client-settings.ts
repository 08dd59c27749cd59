import type { Dispatcher } from 'undici';
import type { RetryEvent, RetryPolicy } from '../../http/retry-policy.js';

/** A logger as pino and `console` both are. */
export interface SjroomLogger {
  warn(message: string): void;
  debug?(object: Record<string, unknown>, message: string): void;
}

/** What `onRequest` is told. */
export interface RequestEvent {
  /** The endpoint called: `list`, `submit`, `query` or `balance`. */
  readonly endpoint: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

/** What `onResponse` is told. */
export interface ResponseEvent extends RequestEvent {
  /** The HTTP status of the answer. */
  readonly statusCode: number;
  /** Time from sending to the whole answer, in milliseconds. */
  readonly durationMs: number;
}

/** What `onError` is told. */
export interface ErrorEvent extends RequestEvent {
  /** The error of this attempt, as the caller would see it (credential-free). */
  readonly error: unknown;
  /** Time from sending to the failure, in milliseconds. */
  readonly durationMs: number;
}

/** The vendor's documented base URL. */
export const SJROOM_DEFAULT_BASE_URL = 'http://api.sjroom.cn';

/** Settings of a {@link SjroomClient}. Only `account` and `password` are required. */
export interface SjroomClientSettings {
  /** The sjroom account name. A secret: never logged. */
  readonly account: string;
  /** The sjroom password. A secret: never logged. */
  readonly password: string;
  /** Base URL of the API, `http://` or `https://`; defaults to {@link SJROOM_DEFAULT_BASE_URL}. */
  readonly baseUrl?: string | undefined;
  /**
   * The undici dispatcher to send through (a `Pool`, `Agent`, `ProxyAgent` or `MockAgent`).
   * When omitted the client creates a keep-alive `Agent` and closes it in `close()`;
   * an injected dispatcher is left open for its owner.
   */
  readonly dispatcher?: Dispatcher | undefined;
  /** Time allowed to open a connection, in milliseconds (default 10 000). */
  readonly connectTimeout?: number | undefined;
  /** Time allowed for the answer's headers, and between body chunks, in milliseconds (default 30 000). */
  readonly responseTimeout?: number | undefined;
  /** Default upper bound of one call, retries included, in milliseconds (default 60 000). */
  readonly timeout?: number | undefined;
  /** Retry policy for reads (and provably unsent submits); `false` disables retries. */
  readonly retry?: Partial<RetryPolicy> | false | undefined;
  /** Send through this HTTP(S) proxy (an undici `ProxyAgent`); not together with `dispatcher`. */
  readonly proxy?: string | URL | undefined;
  /** Called before each retry pause; receives no credential. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Called before each HTTP attempt. */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  /** Called when an attempt got an HTTP answer, before it is read as sjroom's. */
  readonly onResponse?: ((event: ResponseEvent) => void) | undefined;
  /** Called when an attempt failed, with the error the caller would see. */
  readonly onError?: ((event: ErrorEvent) => void) | undefined;
  /**
   * A pino- or console-compatible logger: `warn(message)` gets the plain-HTTP warning
   * (else `process.emitWarning`); `debug(object, message)`, when present, gets one line
   * per request, answer and failure. Never a credential or a request body.
   */
  readonly logger?: SjroomLogger | undefined;
  /** Largest answer body accepted, in bytes (default 8 MiB). */
  readonly maxResponseBytes?: number | undefined;
}

/** Every key of {@link SjroomClientSettings}. */
export const SJROOM_CLIENT_SETTING_KEYS: readonly string[] = Object.keys({
  account: true,
  password: true,
  baseUrl: true,
  dispatcher: true,
  connectTimeout: true,
  responseTimeout: true,
  timeout: true,
  retry: true,
  proxy: true,
  onRetry: true,
  onRequest: true,
  onResponse: true,
  onError: true,
  logger: true,
  maxResponseBytes: true,
} satisfies Record<keyof SjroomClientSettings, true>);
