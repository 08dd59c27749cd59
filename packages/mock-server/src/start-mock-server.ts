import { buildMockServer, type MockFastifyInstance } from './build-mock-server.js';
import type { MockServerOptions } from './options.js';
import type { MockState } from './state/mock-state.js';

/** Options of {@link startMockServer}: the server options plus where to listen. */
export interface StartMockServerOptions extends MockServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  readonly host?: string;
}

/** A running mock server. */
export interface RunningMockServer {
  /** Base URL to give the client, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The server's state, for direct inspection in tests. */
  readonly state: MockState;
  /** The Fastify instance. */
  readonly app: MockFastifyInstance;
  /** Stops listening, ends open connections and live streams. */
  close(): Promise<void>;
}

/** Starts the mock server on loopback (port 0 by default) and resolves once it listens. */
export async function startMockServer(
  options: StartMockServerOptions = {},
): Promise<RunningMockServer> {
  const app = buildMockServer(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    state: app.mockState,
    app,
    close: async () => {
      await app.close();
    },
  };
}
