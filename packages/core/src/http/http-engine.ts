import type { Deadline } from '../runtime/deadline.js';

/** A complete HTTP answer, body decoded as UTF-8. */
export interface HttpAnswer {
  readonly statusCode: number;
  /** Header names in lower case. */
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** True when the body exceeded the size limit and was cut off. */
  readonly truncated: boolean;
}

/** One POST of a JSON body, with its limits. */
export interface HttpPost {
  readonly url: URL;
  readonly body: string;
  /** Extra request headers (an `authorization`, say): never logged nor put in errors. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Longest wait for the answer's headers, in milliseconds. */
  readonly headersTimeout: number;
  /** Longest pause between two chunks of the answer's body, in milliseconds. */
  readonly bodyTimeout: number;
  /** Bodies beyond this size are cut off (`truncated`). */
  readonly maxResponseBytes: number;
  /** The whole call's deadline (retries included). */
  readonly deadline: Deadline;
  /** The caller's own abort. */
  readonly callerSignal: AbortSignal | undefined;
  /**
   * False for a request that may send an SMS: the engine must not let anything below it
   * repeat it (a runtime's client retrying on a reused connection, say).
   */
  readonly idempotent: boolean;
}

/**
 * How core speaks HTTP: undici on Node (keep-alive pools, proxies, dispatcher injection),
 * the runtime's `fetch` elsewhere (Bun, Deno, Workers, the Edge runtime) or an injected
 * `fetch`. Both resolve with any HTTP answer and reject only with a `TransportFailure`
 * that says how far the request got — the same timeouts, size caps and classification.
 */
export interface HttpEngine {
  /** `undici` or `fetch`. */
  readonly name: 'undici' | 'fetch';
  post(request: HttpPost): Promise<HttpAnswer>;
  /** Releases connections this engine opened (an injected dispatcher stays open). */
  close(): Promise<void>;
}

/** The headers of every JSON POST, before the caller's own. */
export const JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  accept: 'application/json',
};

/** Reads at most `maxBytes` of a body given as chunks; decodes it as UTF-8. */
export async function readCapped(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  stop: () => void,
): Promise<{ text: string; truncated: boolean }> {
  const parts: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of chunks) {
    const room = maxBytes - size;
    if (chunk.length > room) {
      parts.push(chunk.subarray(0, room));
      size = maxBytes;
      truncated = true;
      stop();
      break;
    }
    parts.push(chunk);
    size += chunk.length;
  }
  const joined = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return { text: new TextDecoder().decode(joined), truncated };
}
