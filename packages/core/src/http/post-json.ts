import type { Dispatcher } from 'undici';
import { classifyTransportError } from './transport-failure.js';

/** A complete HTTP answer, body decoded as UTF-8. */
export interface HttpAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** True when the body exceeded the size limit and was cut off. */
  readonly truncated: boolean;
}

/** Everything one POST attempt needs. */
export interface PostJsonRequest {
  readonly dispatcher: Dispatcher;
  readonly url: URL;
  readonly body: string;
  readonly headersTimeout: number;
  readonly bodyTimeout: number;
  readonly maxResponseBytes: number;
  readonly timeoutSignal: AbortSignal;
  readonly callerSignal: AbortSignal | undefined;
}

let undiciModule: Promise<typeof import('undici')> | undefined;

/** Loads undici on first use, so importing the package stays cheap. */
export function loadUndici(): Promise<typeof import('undici')> {
  undiciModule ??= import('undici');
  return undiciModule;
}

/**
 * One POST with a JSON body. Resolves with any HTTP answer; rejects only with a
 * `TransportFailure` that says how far the request got.
 */
export async function postJson(request: PostJsonRequest): Promise<HttpAnswer> {
  const signal = request.callerSignal
    ? AbortSignal.any([request.timeoutSignal, request.callerSignal])
    : request.timeoutSignal;
  try {
    const response = await request.dispatcher.request({
      origin: request.url.origin,
      path: request.url.pathname + request.url.search,
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
      },
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
        : await readText(response.body, request.maxResponseBytes);
    return { statusCode: response.statusCode, headers: response.headers, text, truncated };
  } catch (error) {
    throw classifyTransportError(error, request.timeoutSignal, request.callerSignal);
  }
}

async function readText(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      chunks.push(buffer.subarray(0, buffer.length - (size - maxBytes)));
      body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}
