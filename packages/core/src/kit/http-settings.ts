import type { Dispatcher } from 'undici';
import type { FetchFunction } from '../http/fetch-engine.js';
import type { RetryEvent, RetryPolicy } from '../http/retry-policy.js';

/** A logger as pino and `console` both are. */
export interface SmsLogger {
  warn(message: string): void;
  debug?(object: Record<string, unknown>, message: string): void;
}

/** What `onRequest` is told. */
export interface RequestEvent {
  /** The operation called, e.g. `list`, `submit`, `query` or `balance` for sjroom. */
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

/**
 * How a provider built with the kit speaks HTTP: the engine (undici on Node, `fetch`
 * elsewhere), its limits, retries and hooks. Every provider's settings include these.
 */
export interface HttpSettings {
  /**
   * Node only: the undici dispatcher to send through (a `Pool`, `Agent`, `ProxyAgent` or
   * `MockAgent`). When omitted a keep-alive `Agent` is created and closed by `close()`;
   * an injected dispatcher is left open for its owner.
   */
  readonly dispatcher?: Dispatcher | undefined;
  /** Node only: send through this HTTP(S) proxy (an undici `ProxyAgent`); not with `dispatcher`. */
  readonly proxy?: string | URL | undefined;
  /**
   * Send with this `fetch` (any runtime), as vercel/ai providers take one. Without it,
   * Node uses undici and other runtimes (Bun, Deno, Workers, Edge) their own `fetch`. A
   * wrapper must pass `init` on unchanged: on Deno it carries the client that sends each
   * submit on a fresh connection (Deno's pool repeats a POST after a reset).
   */
  readonly fetch?: FetchFunction | undefined;
  /**
   * Time allowed to open a connection, in milliseconds (default 10 000; undici only).
   * undici watches it on a half-second tick: it ends the attempt up to about a second
   * late (300 ms measured as 850–990 ms). `timeout` is exact.
   */
  readonly connectTimeout?: number | undefined;
  /**
   * Time allowed for the answer's headers, and between body chunks, in milliseconds
   * (default 30 000). On Node, undici watches it on a half-second tick: it ends the
   * attempt up to about a second late (300 ms measured as 850–1,000 ms). `timeout` is exact.
   */
  readonly responseTimeout?: number | undefined;
  /** Default upper bound of one call, retries included, in milliseconds (default 60 000). */
  readonly timeout?: number | undefined;
  /** Retry policy for reads (and provably unsent submits); `false` disables retries. */
  readonly retry?: Partial<RetryPolicy> | false | undefined;
  /** Called before each retry pause; receives no credential. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Called before each HTTP attempt. */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  /** Called when an attempt got an HTTP answer, before the provider reads it. */
  readonly onResponse?: ((event: ResponseEvent) => void) | undefined;
  /** Called when an attempt failed, with the error the caller would see. */
  readonly onError?: ((event: ErrorEvent) => void) | undefined;
  /**
   * A pino- or console-compatible logger: `warn(message)` gets warnings (else a process
   * warning); `debug(object, message)`, when present, gets one line per request, answer
   * and failure. Never a credential or a request body.
   */
  readonly logger?: SmsLogger | undefined;
  /** Largest answer body accepted, in bytes (default 8 MiB). */
  readonly maxResponseBytes?: number | undefined;
}

/** Every key of {@link HttpSettings}. */
export const HTTP_SETTING_KEYS: readonly string[] = Object.keys({
  dispatcher: true,
  proxy: true,
  fetch: true,
  connectTimeout: true,
  responseTimeout: true,
  timeout: true,
  retry: true,
  onRetry: true,
  onRequest: true,
  onResponse: true,
  onError: true,
  logger: true,
  maxResponseBytes: true,
} satisfies Record<keyof HttpSettings, true>);
