import { anySignal } from '../runtime/signals.js';
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
 * than `bodyTimeout` — the same size cap and the same classification of failures.
 */
export function createFetchEngine(fetchFunction: FetchFunction): HttpEngine {
  return {
    name: 'fetch',
    post: (request) => post(fetchFunction, request),
    close: async () => undefined,
  };
}

async function post(fetchFunction: FetchFunction, request: HttpPost): Promise<HttpAnswer> {
  const stall = new AbortController();
  const signals = [request.timeoutSignal, stall.signal];
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
    const response = await fetchFunction(request.url.href, {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...request.headers },
      body: request.body,
      signal,
      redirect: 'manual',
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    arm(request.bodyTimeout, 'UND_ERR_BODY_TIMEOUT');
    const { text, truncated } = response.body
      ? await readCapped(
          chunksOf(response.body, () => arm(request.bodyTimeout, 'UND_ERR_BODY_TIMEOUT')),
          request.maxResponseBytes,
          () => stall.abort(),
        )
      : { text: '', truncated: false };
    return { statusCode: response.status, headers, text, truncated };
  } catch (error) {
    if (stalled !== undefined && !request.timeoutSignal.aborted && !request.callerSignal?.aborted)
      throw new TransportFailure(
        'timeout',
        `the provider did not answer in time (${stalled})`,
        error,
      );
    throw classifyTransportError(error, request.timeoutSignal, request.callerSignal);
  } finally {
    clearTimeout(timer);
  }
}

/** The chunks of a body, calling `progress` after each (to re-arm the pause timer). */
async function* chunksOf(
  body: ReadableStream<Uint8Array>,
  progress: () => void,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      progress();
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
