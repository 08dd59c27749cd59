/**
 * Deno's `fetch` runs on hyper, which repeats a request when a reused keep-alive
 * connection turns out to be closed — a POST included, even when the server had already
 * processed it before resetting the connection. For a submit that is a second SMS. A
 * Deno `HttpClient` that keeps no idle connection sends each submit on a fresh
 * connection, where nothing is repeated. Other runtimes need none (undici and Bun do not
 * repeat a POST), so this is `undefined` there.
 */

/** The part of a Deno `HttpClient` the engine uses. */
export interface FreshConnectionClient {
  /** What goes in `RequestInit.client`. */
  readonly client: unknown;
  /** Releases the client's connections. */
  close(): void;
}

interface DenoNamespace {
  createHttpClient?: (options: { poolMaxIdlePerHost: number }) => { close(): void };
}

/** A Deno client without idle connections, or `undefined` outside Deno. */
export function freshConnectionClient(): FreshConnectionClient | undefined {
  const deno = (globalThis as { Deno?: DenoNamespace }).Deno;
  if (typeof deno?.createHttpClient !== 'function') return undefined;
  const client = deno.createHttpClient({ poolMaxIdlePerHost: 0 });
  return { client, close: () => client.close() };
}
