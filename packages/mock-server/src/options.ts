import type { FaultRuleInput } from './faults/fault-rule.js';
import type { BatchLimits } from './state/batch-store.js';

/** An account to create at start (and again at every reset). */
export interface AccountConfig {
  readonly account: string;
  readonly password: string;
  /** Decimal string or number with at most eight decimals; default `0.0000`. */
  readonly balance?: string | number;
  /** Channel ids to open, or `all` (the default), or `none`. */
  readonly channels?: readonly (string | number)[] | 'all' | 'none';
}

/** Receipt delay: a fixed number of ms, or a uniform random range. */
export type ReceiptDelay = number | { readonly minMs: number; readonly maxMs: number };

/** Options of `buildMockServer` and `startMockServer`; everything is optional. */
export interface MockServerOptions {
  /** Seed for channels, receipt delays, failures and probabilistic faults (default fixed). */
  readonly seed?: number;
  /** Issue 19-digit channel ids above 2^53, as a snowflake-id service would (default false). */
  readonly bigIds?: boolean;
  /** Accounts besides the demo account. */
  readonly accounts?: readonly AccountConfig[];
  /** Create `demo` / `demo-password` with balance `1000.0000` and every channel (default true). */
  readonly demoAccount?: boolean;
  /** When receipts arrive after a submit, in receipt-clock ms (default 50–400). */
  readonly receiptDelay?: ReceiptDelay;
  /** Share of ordinary numbers whose receipt says failed, 0–1 (default 0). */
  readonly failureRate?: number;
  /** Bounds on stored batches (defaults: 10 000 batches, 1 000 000 recipients, 1 hour). */
  readonly limits?: Partial<BatchLimits>;
  /** Largest accepted request body in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** A request must arrive whole within this many ms, or it is answered 408 (default 30 000): slow-drip bodies end here. */
  readonly requestTimeoutMs?: number;
  /**
   * In ms (default 10 000; 0 turns it off): a connection idle this long between requests
   * is closed; one that has not sent a request's headers this long after it opened (or
   * after the request began) is answered 408 and closed; one whose answer has waited this
   * long in its write buffer without moving (the client stopped reading) is closed. A
   * slow answer (a latency fault, a long poll, the event stream) is never cut by it.
   */
  readonly idleTimeoutMs?: number;
  /** Most connections open at once; more are closed at once (default 1 024). */
  readonly maxConnections?: number;
  /** Longest accepted `sendContent`, in characters (default 5 000). */
  readonly maxContentLength?: number;
  /** Serve the `/__mock/` inspection API, OpenAPI and docs (default true). */
  readonly inspection?: boolean;
  /** Log level of Fastify's logger; default `silent`. Passwords are always redacted. */
  readonly logLevel?: 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Where log lines go (default standard error). */
  readonly logStream?: { write(line: string): unknown };
  /**
   * A secret that the inspection and control API (`/__mock/`), the web inbox and the API
   * docs require: `Authorization: Bearer <token>`, or HTTP Basic with any user name and the
   * token as password (what a browser asks for). The four sjroom endpoints never need it.
   * 1 to 1024 visible ASCII characters. Default: none (anyone who reaches the server may
   * read and change everything: keep it on loopback).
   */
  readonly token?: string;
  /**
   * `Host` names the server answers besides loopback names (`localhost`, `*.localhost`),
   * IP addresses and the host it listens on: `mock` (a Docker service name), `.example.test`
   * (a domain and its subdomains), or `*` (any: no protection against DNS rebinding).
   * Other names are refused (HTTP 403; an envelope `400` on the sjroom endpoints).
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Answer list, balance and query on a fast lane, without Fastify's per-request
   * machinery, when nothing about the request needs it (default true): a `POST` to the
   * exact path with a JSON body under 4 KiB, an allowed `Host`, no fault rule active, and
   * a log level that does not log each request (`warn` or quieter). The answer is the
   * same either way; `false` sends every request through Fastify.
   */
  readonly fastLane?: boolean;
  /** Fault rules active from the start (and again after each reset); a bad rule throws a `RangeError` naming the field. */
  readonly faults?: readonly FaultRuleInput[];
}

/** Defaults of {@link MockServerOptions}. */
export const MOCK_DEFAULTS = {
  receiptDelay: { minMs: 50, maxMs: 400 },
  bodyLimit: 1024 * 1024,
  maxContentLength: 5_000,
  limits: { maxBatches: 10_000, maxRecipients: 1_000_000, ttlMs: 60 * 60 * 1000 },
} as const;
