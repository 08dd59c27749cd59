import { ConfigurationError } from '../errors/configuration-error.js';
import { SmsError } from '../errors/sms-error.js';
import { retryPause } from '../http/call-with-retry.js';
import { createFetchEngine, type FetchFunction } from '../http/fetch-engine.js';
import type { HttpAnswer, HttpEngine, HttpPost } from '../http/http-engine.js';
import { createLazyUndiciEngine } from '../http/lazy-undici-engine.js';
import { defaultRetryPolicy, type RetryPolicy } from '../http/retry-policy.js';
import { SecretMask } from '../http/secret-forms.js';
import { Deadline } from '../runtime/deadline.js';
import { isNode } from '../runtime/host.js';
import { type CallOptions, checkCallOptions, NO_CALL_OPTIONS } from '../transport/call-options.js';
import { InFlight } from '../transport/in-flight.js';
import { CallEvents } from './call-events.js';
import { checkHttpSettings } from './check-http-settings.js';
import { typedReadError } from './checked-answers.js';
import { publicError, type SentPayload } from './failure.js';
import { headerSecrets, redactThrown } from './header-secrets.js';
import type { HttpSettings } from './http-settings.js';
import type { OperationSpec } from './operation.js';
import type { ProviderRequest } from './provider-definition.js';

/** One call a provider makes: where, what, and how to read the answer. */
export interface HttpCall<T> extends ProviderRequest<T> {
  readonly operation: OperationSpec;
  /** For a sending operation: what it sends, named if its outcome becomes unknown. */
  readonly sent?: SentPayload | undefined;
}

const NO_OPTIONS = NO_CALL_OPTIONS;

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
  readonly #observed: boolean;
  readonly #responseTimeout: number;
  readonly #maxResponseBytes: number;
  readonly #inFlight = new InFlight();
  #closed = false;

  constructor(settings: HttpSettings) {
    checkHttpSettings(settings);
    this.#settings = settings;
    this.#retry =
      settings.retry === false
        ? { ...defaultRetryPolicy, maxAttempts: 1 }
        : { ...defaultRetryPolicy, ...definedOnly(settings.retry ?? {}) };
    this.#engine = selectEngine(settings);
    this.#observed =
      settings.onRequest !== undefined ||
      settings.onResponse !== undefined ||
      settings.onError !== undefined ||
      settings.logger !== undefined;
    this.#responseTimeout = settings.responseTimeout ?? 30_000;
    this.#maxResponseBytes = settings.maxResponseBytes ?? 8 * 1024 * 1024;
  }

  /** `undici` on Node, `fetch` elsewhere or when a `fetch` was given. */
  get engine(): HttpEngine['name'] {
    return this.#engine.name;
  }

  /** Runs one call: its attempts, hooks and error classification (see the class). */
  call<T>(request: HttpCall<T>, options: CallOptions = NO_OPTIONS): Promise<T> {
    return this.run(request, request.operation, request.sent, options);
  }

  /**
   * {@link HttpClient.call} with the operation and what it sends given apart (how
   * `bindOperation` calls it, without copying the request per call).
   * @internal
   */
  run<T>(
    request: ProviderRequest<T>,
    operation: OperationSpec,
    sent: SentPayload | undefined,
    options: CallOptions,
  ): Promise<T> {
    if (this.#closed) return Promise.reject(new SmsError('CLIENT_CLOSED', 'The client is closed'));
    if (options !== NO_OPTIONS) {
      try {
        checkCallOptions(options);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const badHeader = headerProblem(request.headers);
    if (badHeader) return Promise.reject(badHeader);
    if (options.signal?.aborted) {
      // A sending call refused here provably sent nothing: say so with a code.
      return Promise.reject(
        operation.idempotent
          ? options.signal.reason
          : new SmsError('ABORTED', `The ${operation.name} was not sent: the call was aborted`, {
              cause: options.signal.reason,
            }),
      );
    }
    this.#inFlight.start();
    return this.#attempts(request, operation, sent, options);
  }

  /** Waits for calls in flight, then releases the engine's connections; later calls reject. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#inFlight.drain();
    await this.#engine.close();
  }

  async #attempts<T>(
    request: ProviderRequest<T>,
    operation: OperationSpec,
    sent: SentPayload | undefined,
    options: CallOptions,
  ): Promise<T> {
    const settings = this.#settings;
    const timeoutMs = options.timeout ?? settings.timeout ?? 60_000;
    const deadline = new Deadline(timeoutMs);
    // Hooks and debug logs cost nothing when none is set.
    const events = this.#observed ? new CallEvents(operation.name, settings) : undefined;
    let mask: SecretMask | undefined;
    // The forms of the secrets are worked out on the first failure, not on every call.
    const redacted = (error: unknown) => {
      if (request.headers === undefined) return error;
      mask ??= new SecretMask(headerSecrets(request.headers));
      return redactThrown(error, mask);
    };
    const post: HttpPost = {
      url: request.url,
      body: request.body,
      headers: request.headers,
      headersTimeout: this.#responseTimeout,
      bodyTimeout: this.#responseTimeout,
      maxResponseBytes: this.#maxResponseBytes,
      deadline,
      callerSignal: options.signal,
      idempotent: operation.idempotent,
    };
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          events?.request();
          const answer = await this.#engine.post(post);
          events?.response(answer.statusCode);
          return readAnswer(request, operation, answer);
        } catch (thrown) {
          const failure = { operation, timeoutMs, callerSignal: options.signal, sent };
          // Masked before any hook sees it: a provider's error may quote its token.
          const error = redacted(publicError(thrown, failure));
          events?.error(error);
          await retryPause(
            { operation, policy: this.#retry, deadline, onRetry: settings.onRetry },
            attempt,
            error,
          );
        }
      }
    } finally {
      deadline.clear();
      this.#inFlight.end();
    }
  }
}

/**
 * The provider's `read` of an answer; what it throws that is not an `SmsError` (a
 * `TypeError` on an answer of the wrong shape) becomes an `UnexpectedResponseError` with
 * the answer's status, never a raw error (for a submit, then an unknown outcome).
 */
function readAnswer<T>(
  request: ProviderRequest<T>,
  operation: OperationSpec,
  answer: HttpAnswer,
): T {
  try {
    return request.read(answer);
  } catch (error) {
    throw typedReadError(error, operation.name, undefined, answer.statusCode);
  }
}

/** A header token (RFC 9110): what a header's name may be made of. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A `ConfigurationError` for a header no HTTP request can carry — a name that is not a
 * token, a value that is not a string or holds a line break or NUL (a key read from a
 * file with its trailing newline) — before anything is sent. Never quotes the value.
 */
function headerProblem(
  headers: Readonly<Record<string, string>> | undefined,
): ConfigurationError | undefined {
  if (headers === undefined) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name))
      return new ConfigurationError('headers', 'a request header name is not a valid token');
    if (typeof value !== 'string' || /[\r\n\0]/.test(value))
      return new ConfigurationError(
        `headers.${name}`,
        `the ${name} header's value is not a string or holds a line break or NUL: check the setting it is made from`,
      );
  }
  return undefined;
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
