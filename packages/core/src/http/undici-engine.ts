import type { Dispatcher } from 'undici';
import { type HttpAnswer, type HttpEngine, type HttpPost, JSON_HEADERS } from './http-engine.js';
import { classifyTransportError, TransportFailure } from './transport-failure.js';

type Undici = typeof import('undici');

type AgentClass = Undici['Agent'];

let agentClass: Promise<AgentClass> | undefined;

/**
 * undici's `Agent` class, loaded on first use so importing the package stays cheap: its
 * own file, not undici's index (fetch, WebSocket, caches, mocks: 3 MB of heap that a
 * process keeps, which V8 lets grow to about four times that before it collects, so
 * ≈12 MB of a bulk send's peak, and half the time of the first call). undici has no
 * exports map, so the file is reachable; should a release move it, the class comes from
 * the index instead.
 *
 * This module is only reached on Node: bundles for Workers and the Edge runtime get
 * `undici-engine-elsewhere.js` instead (the package's `#undici-engine` import).
 */
export function loadAgent(): Promise<AgentClass> {
  // @ts-expect-error undici ships types for its index only, not for its files.
  agentClass ??= agentFrom(() => import('undici/lib/dispatcher/agent.js'));
  return agentClass;
}

/**
 * The class `load` gives when it is a dispatcher class (not whatever a later release
 * may keep at that path); else the `Agent` of undici's index.
 *
 * @internal Exported for tests.
 */
export async function agentFrom(load: () => Promise<{ default?: unknown }>): Promise<AgentClass> {
  try {
    const loaded = (await load()).default;
    if (typeof loaded === 'function' && typeof loaded.prototype?.dispatch === 'function')
      return loaded as AgentClass;
  } catch {
    // Moved or missing: the index has it.
  }
  return (await import('undici')).Agent;
}

/**
 * undici's `ProxyAgent` class, from the index: it tunnels with `Dispatcher#connect`,
 * which only the index adds to dispatchers (only a proxy needs it).
 */
export async function loadProxyAgent(): Promise<Undici['ProxyAgent']> {
  return (await import('undici')).ProxyAgent;
}

/** How the undici engine connects. */
export interface UndiciEngineSettings {
  /** Any undici `Dispatcher` (a `Pool`, an `Agent`, a `MockAgent`); left open on close. */
  readonly dispatcher?: Dispatcher | undefined;
  /** An HTTP(S) proxy URL, through an undici `ProxyAgent`. */
  readonly proxy?: string | URL | undefined;
  /** Longest wait for a TCP/TLS connection, in milliseconds. */
  readonly connectTimeout: number;
}

/** The Node engine: a keep-alive undici `Agent` (or the given dispatcher or proxy). */
export function createUndiciEngine(settings: UndiciEngineSettings): HttpEngine {
  let dispatcher: Dispatcher | undefined = settings.dispatcher;
  let loading: Promise<Dispatcher> | undefined;
  const owned = settings.dispatcher === undefined;
  const getDispatcher = () => {
    loading ??=
      settings.proxy === undefined
        ? loadAgent().then(
            (Agent) =>
              new Agent({
                connect: { timeout: settings.connectTimeout },
                keepAliveTimeout: 10_000,
              }),
          )
        : loadProxyAgent().then(
            (ProxyAgent) =>
              new ProxyAgent({
                uri: String(settings.proxy),
                connect: { timeout: settings.connectTimeout },
                keepAliveTimeout: 10_000,
              }),
          );
    return loading.then((loaded) => {
      dispatcher = loaded;
      return loaded;
    });
  };
  return {
    name: 'undici',
    // Once the dispatcher exists, straight through: no extra turn of the event loop.
    post: (request) =>
      dispatcher ? post(dispatcher, request) : getDispatcher().then((d) => post(d, request)),
    async close() {
      if (owned && loading !== undefined) await (await loading).close();
    },
  };
}

/**
 * One POST through `dispatcher.dispatch` with a handler that collects the body itself:
 * no response stream, no `AbortSignal` per request — the deadline and the caller's
 * signal abort the request through the handler, undici's own timers watch the headers
 * and the pauses in the body. Resolves with any HTTP answer; rejects only with a
 * classified `TransportFailure`.
 */
function post(dispatcher: Dispatcher, request: HttpPost): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const handler = new PostHandler(request, resolve, reject);
    // The deadline had passed or the caller had aborted: settled, nothing to send.
    if (handler.settled) return;
    try {
      dispatcher.dispatch(
        {
          origin: request.url.origin,
          path: request.url.pathname + request.url.search,
          method: 'POST',
          headers: request.headers ? { ...JSON_HEADERS, ...request.headers } : JSON_HEADERS,
          body: request.body,
          headersTimeout: request.headersTimeout,
          bodyTimeout: request.bodyTimeout,
        },
        handler,
      );
    } catch (error) {
      // dispatch refused the request itself (a header value undici cannot send, say):
      // nothing was queued, so nothing was sent.
      handler.refused(error);
    }
  });
}

const decoder = new TextDecoder();

/** undici's (legacy, unwrapped) dispatch handler for one POST: see {@link post}. */
class PostHandler implements Dispatcher.DispatchHandler {
  readonly #request: HttpPost;
  readonly #resolve: (answer: HttpAnswer) => void;
  readonly #reject: (error: unknown) => void;
  #abort: ((reason?: Error) => void) | undefined;
  #abortReason: Error | undefined;
  #settled = false;
  #statusCode = 0;
  #rawHeaders: Buffer[] | string[] | null = null;
  #chunks: Uint8Array[] = [];
  #size = 0;
  // A no-op until the deadline is watched: a deadline already passed settles at once.
  #stopWatching: () => void = () => {};
  #callerListener: (() => void) | undefined;

  constructor(
    request: HttpPost,
    resolve: (answer: HttpAnswer) => void,
    reject: (error: unknown) => void,
  ) {
    this.#request = request;
    this.#resolve = resolve;
    this.#reject = reject;
    this.#stopWatching = request.deadline.onExpire(() => this.#cancel(request.deadline.reason));
    const caller = request.callerSignal;
    if (caller) {
      if (caller.aborted) this.#cancel(caller.reason);
      else {
        this.#callerListener = () => this.#cancel(caller.reason);
        caller.addEventListener('abort', this.#callerListener, { once: true });
      }
    }
  }

  /** Whether the request has its outcome already. */
  get settled(): boolean {
    return this.#settled;
  }

  /** `dispatch` threw before queueing the request: it never left. */
  refused(error: unknown): void {
    if (this.#settled) return;
    this.#settle();
    this.#reject(new TransportFailure('not-sent', 'the request could not be sent', error));
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.#abort = abort;
    if (this.#abortReason !== undefined) abort(this.#abortReason);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[] | string[] | null): boolean {
    // 1xx answers are informational: the real one follows.
    if (statusCode < 200) return true;
    this.#statusCode = statusCode;
    this.#rawHeaders = rawHeaders;
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.#settled) return true;
    const room = this.#request.maxResponseBytes - this.#size;
    if (chunk.length > room) {
      // Over the size limit: keep what fits, answer with it, drop the connection.
      this.#chunks.push(chunk.subarray(0, room));
      this.#size += room;
      this.#finish(true);
      this.#abort?.(new Error('the answer exceeded the size limit'));
      return true;
    }
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    return true;
  }

  onComplete(): void {
    this.#finish(false);
  }

  onError(error: unknown): void {
    if (this.#settled) return;
    this.#settle();
    this.#reject(
      classifyTransportError(error, this.#request.deadline.expired, this.#request.callerSignal),
    );
  }

  /** The deadline passed or the caller aborted: stop the request, now or once it starts. */
  #cancel(reason: Error): void {
    if (this.#settled) return;
    this.#abortReason = reason;
    if (this.#abort) this.#abort(reason);
    else this.onError(reason); // still queued: undici aborts it when it would start
  }

  #finish(truncated: boolean): void {
    if (this.#settled) return;
    this.#settle();
    const chunks = this.#chunks;
    const bytes = chunks.length === 1 ? (chunks[0] as Uint8Array) : concat(chunks, this.#size);
    this.#resolve(
      new UndiciAnswer(this.#statusCode, this.#rawHeaders, decoder.decode(bytes), truncated),
    );
  }

  #settle(): void {
    this.#settled = true;
    this.#stopWatching();
    if (this.#callerListener)
      this.#request.callerSignal?.removeEventListener('abort', this.#callerListener);
  }
}

/** An answer whose headers are parsed only if someone reads them (most calls never do). */
class UndiciAnswer implements HttpAnswer {
  readonly statusCode: number;
  readonly text: string;
  readonly truncated: boolean;
  #raw: Buffer[] | string[] | null;
  #headers: Record<string, string | string[] | undefined> | undefined;

  constructor(
    statusCode: number,
    raw: Buffer[] | string[] | null,
    text: string,
    truncated: boolean,
  ) {
    this.statusCode = statusCode;
    this.#raw = raw;
    this.text = text;
    this.truncated = truncated;
  }

  get headers(): Record<string, string | string[] | undefined> {
    if (this.#headers === undefined) {
      this.#headers = parseRawHeaders(this.#raw);
      this.#raw = null;
    }
    return this.#headers;
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/** undici's raw header list as an object: names in lower case, repeated headers as arrays. */
function parseRawHeaders(
  raw: Buffer[] | string[] | null,
): Record<string, string | string[] | undefined> {
  const headers: Record<string, string | string[] | undefined> = {};
  if (!raw) return headers;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = String(raw[i]).toLowerCase();
    const value = String(raw[i + 1]);
    const existing = headers[name];
    if (existing === undefined) headers[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else headers[name] = [existing, value];
  }
  return headers;
}
