import { ConfigurationError } from '../errors/configuration-error.js';
import { SmsError } from '../errors/sms-error.js';
import { UnexpectedResponseError } from '../errors/unexpected-response-error.js';
import { callWithRetry } from '../http/call-with-retry.js';
import { createFetchEngine, type FetchFunction } from '../http/fetch-engine.js';
import type { HttpAnswer, HttpEngine } from '../http/http-engine.js';
import { createLazyUndiciEngine } from '../http/lazy-undici-engine.js';
import { defaultRetryPolicy, type RetryPolicy } from '../http/retry-policy.js';
import { SecretMask } from '../http/secret-forms.js';
import { isNode } from '../runtime/host.js';
import { timeoutSignal } from '../runtime/signals.js';
import { type CallOptions, checkCallOptions } from '../transport/call-options.js';
import { CallEvents } from './call-events.js';
import { checkHttpSettings } from './check-http-settings.js';
import { type FailureContext, publicError, type SentPayload } from './failure.js';
import { headerSecrets, redactThrown } from './header-secrets.js';
import type { HttpSettings } from './http-settings.js';
import type { OperationSpec } from './operation.js';

/** One call a provider makes: where, what, and how to read the answer. */
export interface HttpCall<T> {
  readonly operation: OperationSpec;
  readonly url: URL;
  /** The JSON body. */
  readonly body: string;
  /**
   * Extra request headers (credentials, say): never logged, and their values (as written
   * and escaped; for `Bearer x` also `x`) are masked in whatever error the call ends in
   * and in the hook events, the provider's own errors built from the answer included.
   * `content-type`, `accept` and the like are not masked.
   */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Turns an answer into the result, or throws the provider's typed error for it. */
  readonly read: (answer: HttpAnswer) => T;
  /** For a sending operation: what it sends, named if its outcome becomes unknown. */
  readonly sent?: SentPayload | undefined;
}

const NO_OPTIONS: CallOptions = Object.freeze({});

/** The entries of `value` that are not `undefined` (an explicit `undefined` keeps a default). */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The kit's HTTP layer: one engine (undici on Node, `fetch` elsewhere or when given),
 * the call's deadline, its attempts under the retry policy — read operations on any
 * retryable error, a sending one only when nothing left — the hooks, and the
 * classification of failures into the errors callers see. `close()` lets calls under way
 * finish, then releases the connections.
 */
export class HttpClient {
  readonly #settings: HttpSettings;
  readonly #retry: RetryPolicy;
  readonly #engine: HttpEngine;
  readonly #inFlight = new Set<Promise<unknown>>();
  #closed = false;

  constructor(settings: HttpSettings) {
    checkHttpSettings(settings);
    this.#settings = settings;
    this.#retry =
      settings.retry === false
        ? { ...defaultRetryPolicy, maxAttempts: 1 }
        : { ...defaultRetryPolicy, ...definedOnly(settings.retry ?? {}) };
    this.#engine = selectEngine(settings);
  }

  /** `undici` on Node, `fetch` elsewhere or when a `fetch` was given. */
  get engine(): HttpEngine['name'] {
    return this.#engine.name;
  }

  /** Runs one call: its attempts, hooks and error classification (see the class). */
  call<T>(request: HttpCall<T>, options: CallOptions = NO_OPTIONS): Promise<T> {
    if (this.#closed) return Promise.reject(new SmsError('CLIENT_CLOSED', 'The client is closed'));
    if (options !== NO_OPTIONS) {
      try {
        checkCallOptions(options);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (options.signal?.aborted) {
      // A sending call refused here provably sent nothing: say so with a code.
      return Promise.reject(
        request.operation.idempotent
          ? options.signal.reason
          : new SmsError(
              'ABORTED',
              `The ${request.operation.name} was not sent: the call was aborted`,
              {
                cause: options.signal.reason,
              },
            ),
      );
    }
    const promise = this.#attempts(request, options);
    this.#inFlight.add(promise);
    const forget = () => this.#inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Waits for calls in flight, then releases the engine's connections; later calls reject. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#inFlight]);
    await this.#engine.close();
  }

  async #attempts<T>(request: HttpCall<T>, options: CallOptions): Promise<T> {
    const settings = this.#settings;
    const timeoutMs = options.timeout ?? settings.timeout ?? 60_000;
    const deadline = timeoutSignal(timeoutMs);
    const responseTimeout = settings.responseTimeout ?? 30_000;
    const events = new CallEvents(request.operation.name, settings);
    let mask: SecretMask | undefined;
    // The forms of the secrets are worked out on the first failure, not on every call.
    const redacted = (error: unknown) => {
      if (request.headers === undefined) return error;
      mask ??= new SecretMask(headerSecrets(request.headers));
      return redactThrown(error, mask);
    };
    const failure: FailureContext = {
      operation: request.operation,
      timeoutMs,
      callerSignal: options.signal,
      sent: request.sent,
    };
    return callWithRetry(
      { operation: request.operation, policy: this.#retry, deadline, onRetry: settings.onRetry },
      async () => {
        events.request();
        const answer = await this.#engine.post({
          url: request.url,
          body: request.body,
          headers: request.headers,
          headersTimeout: responseTimeout,
          bodyTimeout: responseTimeout,
          maxResponseBytes: settings.maxResponseBytes ?? 8 * 1024 * 1024,
          timeoutSignal: deadline,
          callerSignal: options.signal,
          idempotent: request.operation.idempotent,
        });
        events.response(answer.statusCode);
        return readAnswer(request, answer);
      },
      // Masked before any hook sees it: a provider's error may quote its token.
      (thrown) => events.error(redacted(publicError(thrown, failure))),
    );
  }
}

/**
 * The provider's `read` of an answer; what it throws that is not an `SmsError` (a
 * `TypeError` on an answer of the wrong shape) becomes an `UnexpectedResponseError` with
 * the answer's status, never a raw error (for a submit, then an unknown outcome).
 */
function readAnswer<T>(request: HttpCall<T>, answer: HttpAnswer): T {
  try {
    return request.read(answer);
  } catch (error) {
    if (SmsError.isInstance(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnexpectedResponseError(
      request.operation.name,
      answer.statusCode,
      `the provider could not read the answer: ${reason}`,
      '',
      { cause: error },
    );
  }
}

/** The engine the settings ask for, or the runtime's best. */
function selectEngine(settings: HttpSettings): HttpEngine {
  const nodeOnly = settings.dispatcher !== undefined || settings.proxy !== undefined;
  if (settings.dispatcher !== undefined && settings.proxy !== undefined)
    throw new ConfigurationError(
      'proxy',
      'Pass either proxy or dispatcher, not both: wrap the proxy in your dispatcher',
    );
  if (settings.fetch !== undefined) {
    if (typeof settings.fetch !== 'function')
      throw new ConfigurationError('fetch', 'fetch must be a function like the global fetch');
    if (nodeOnly)
      throw new ConfigurationError(
        'fetch',
        'Pass either fetch or dispatcher/proxy (undici), not both',
      );
    return createFetchEngine(settings.fetch);
  }
  if (nodeOnly || isNode())
    return createLazyUndiciEngine({
      dispatcher: settings.dispatcher,
      proxy: settings.proxy,
      connectTimeout: settings.connectTimeout ?? 10_000,
    });
  const runtimeFetch = (globalThis as { fetch?: FetchFunction }).fetch;
  if (typeof runtimeFetch !== 'function')
    throw new ConfigurationError('fetch', 'This runtime has no fetch: pass one in the settings');
  return createFetchEngine(runtimeFetch.bind(globalThis));
}
