import { anySignal, untilAborted } from '../runtime/signals.js';
import { type FreshConnectionClient, freshConnectionClient } from './fresh-connection-client.js';
import {
  type HttpAnswer,
  type HttpEngine,
  type HttpPost,
  JSON_HEADERS,
  readCapped,
} from './http-engine.js';
import { classifyTransportError, TransportFailure } from './transport-failure.js';

/** The `fetch` the engine calls: the runtime's, or one injected in the settings. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The engine for every runtime but Node (and for an injected `fetch`): the same
 * timeouts as undici's — headers within `headersTimeout`, no pause in the body longer
 * than `bodyTimeout` — the same size cap and the same classification of failures. The
 * deadlines hold even when a `fetch` ignores its signal: every wait races them. On Deno a
 * submit carries `init.client`, a client without idle connections; an injected `fetch`
 * must pass `init` on unchanged.
 */
export function createFetchEngine(fetchFunction: FetchFunction): HttpEngine {
  // On Deno every submit goes on a fresh connection (see `freshConnectionClient`), also
  // through an injected fetch: a wrapper that passes `init` on keeps the guarantee.
  let fresh: FreshConnectionClient | undefined | null = null;
  const sendingClient = () => {
    if (fresh === null) fresh = freshConnectionClient();
    return fresh?.client;
  };
  return {
    name: 'fetch',
    post: (request) =>
      post(fetchFunction, request, request.idempotent ? undefined : sendingClient()),
    close: async () => {
      if (fresh) fresh.close();
      fresh = undefined;
    },
  };
}

async function post(
  fetchFunction: FetchFunction,
  request: HttpPost,
  client: unknown,
): Promise<HttpAnswer> {
  const stall = new AbortController();
  const signals = [request.deadline.signal, stall.signal];
  if (request.callerSignal) signals.push(request.callerSignal);
  const signal = anySignal(signals);
  let stalled: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number, code: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = code;
      stall.abort(
        new TransportFailure('timeout', `the provider did not answer in time (${code})`, undefined),
      );
    }, ms);
  };
  try {
    arm(request.headersTimeout, 'UND_ERR_HEADERS_TIMEOUT');
    const init: RequestInit & { client?: unknown } = {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...request.headers },
      body: request.body,
      signal,
      redirect: 'manual',
    };
    if (client !== undefined) init.client = client;
    const response = await untilAborted(fetchFunction(request.url.href, init), signal);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    arm(request.bodyTimeout, 'UND_ERR_BODY_TIMEOUT');
    const { text, truncated } = response.body
      ? await readCapped(
          chunksOf(response.body, signal, () => arm(request.bodyTimeout, 'UND_ERR_BODY_TIMEOUT')),
          request.maxResponseBytes,
          () => stall.abort(),
        )
      : { text: '', truncated: false };
    return { statusCode: response.status, headers, text, truncated };
  } catch (error) {
    if (stalled !== undefined && !request.deadline.expired && !request.callerSignal?.aborted)
      throw new TransportFailure(
        'timeout',
        `the provider did not answer in time (${stalled})`,
        error,
      );
    throw classifyTransportError(error, request.deadline.expired, request.callerSignal);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The chunks of a body, calling `progress` after each (to re-arm the pause timer); a
 * read that outlives `signal` is abandoned and the body cancelled.
 */
async function* chunksOf(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  progress: () => void,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) {
        finished = true;
        return;
      }
      progress();
      yield value;
    }
  } finally {
    if (!finished) reader.cancel().catch(() => undefined);
    try {
      reader.releaseLock();
    } catch {
      // An older stream implementation refuses while a read is pending: the body is cancelled anyway.
    }
  }
}
