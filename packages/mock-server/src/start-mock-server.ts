import { buildMockServer, type MockFastifyInstance } from './build-mock-server.js';
import { isLoopbackAddress } from './guard/allowed-hosts.js';
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

/** Code of the process warning for a mock that listens beyond loopback without a token. */
export const EXPOSED_WARNING_CODE = 'INTL_SMS_MOCK_EXPOSED';

/**
 * Starts the mock server on loopback (port 0 by default) and resolves once it listens.
 * The host it listens on is an allowed `Host` name. Listening with the inspection API on
 * any other address than loopback without a `token` emits a process warning (code `INTL_SMS_MOCK_EXPOSED`):
 * whoever reaches that address may read every message and change every account.
 */
export async function startMockServer(
  options: StartMockServerOptions = {},
): Promise<RunningMockServer> {
  const host = options.host ?? '127.0.0.1';
  const app = buildMockServer({
    ...options,
    allowedHosts: [...(options.allowedHosts ?? []), host],
  });
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.address : host;
  if (options.inspection !== false && options.token === undefined && !isLoopbackAddress(bound)) {
    process.emitWarning(
      `The intl-sms mock listens on ${host} without a token: anyone who can reach it can read every message and change balances, passwords and faults. Set a token (--token, INTL_SMS_MOCK_TOKEN or the token option) or listen on 127.0.0.1.`,
      { code: EXPOSED_WARNING_CODE },
    );
  }
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
