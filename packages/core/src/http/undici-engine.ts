import type { Dispatcher } from 'undici';
import { anySignal } from '../runtime/signals.js';
import {
  type HttpAnswer,
  type HttpEngine,
  type HttpPost,
  JSON_HEADERS,
  readCapped,
} from './http-engine.js';
import { classifyTransportError } from './transport-failure.js';

type Undici = typeof import('undici');

let undiciModule: Promise<Undici> | undefined;

/**
 * Loads undici on first use, so importing the package stays cheap. This module is only
 * reached on Node: bundles for Workers and the Edge runtime get
 * `undici-engine-elsewhere.js` instead (the package's `#undici-engine` import).
 */
export function loadUndici(): Promise<Undici> {
  undiciModule ??= import('undici');
  return undiciModule;
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
  let dispatcher: Dispatcher | Promise<Dispatcher> | undefined = settings.dispatcher;
  const owned = settings.dispatcher === undefined;
  const getDispatcher = () => {
    dispatcher ??= loadUndici().then(({ Agent, ProxyAgent }) =>
      settings.proxy === undefined
        ? new Agent({ connect: { timeout: settings.connectTimeout }, keepAliveTimeout: 10_000 })
        : new ProxyAgent({
            uri: String(settings.proxy),
            connect: { timeout: settings.connectTimeout },
            keepAliveTimeout: 10_000,
          }),
    );
    return dispatcher;
  };
  return {
    name: 'undici',
    post: async (request) => post(await getDispatcher(), request),
    async close() {
      if (owned && dispatcher !== undefined) await (await dispatcher).close();
    },
  };
}

async function post(dispatcher: Dispatcher, request: HttpPost): Promise<HttpAnswer> {
  const signal = request.callerSignal
    ? anySignal([request.timeoutSignal, request.callerSignal])
    : request.timeoutSignal;
  try {
    const response = await dispatcher.request({
      origin: request.url.origin,
      path: request.url.pathname + request.url.search,
      method: 'POST',
      headers: { ...JSON_HEADERS, ...request.headers },
      body: request.body,
      signal,
      headersTimeout: request.headersTimeout,
      bodyTimeout: request.bodyTimeout,
    });
    const length = Number(response.headers['content-length']);
    // A declared length within the limit needs no counting: read it in one go.
    const { text, truncated } =
      length >= 0 && length <= request.maxResponseBytes
        ? { text: await response.body.text(), truncated: false }
        : await readCapped(
            response.body as AsyncIterable<Uint8Array>,
            request.maxResponseBytes,
            () => response.body.destroy(),
          );
    return { statusCode: response.statusCode, headers: response.headers, text, truncated };
  } catch (error) {
    throw classifyTransportError(error, request.timeoutSignal, request.callerSignal);
  }
}
