import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../errors/index.js';
import { mockServer } from '../../test-support/mock-server.js';
import { SjroomClient } from './sjroom-client.js';

let env: Awaited<ReturnType<typeof mockServer>>;
beforeAll(async () => {
  env = await mockServer();
});
afterAll(async () => {
  await env.mock.close();
});

describe('hooks and logger', () => {
  it('reports each attempt with endpoint and timing, and logs no credential', async () => {
    await env.inject('PUT', '/__mock/faults', [
      { type: 'state-code', stateCode: '500', endpoint: 'balance', times: 1 },
    ]);
    const events: string[] = [];
    const lines: string[] = [];
    const client = new SjroomClient({
      account: 'demo',
      password: 'demo-password',
      baseUrl: env.mock.url,
      retry: { initialDelayMs: 1 },
      onRequest: (e) => events.push(`request ${e.endpoint}#${e.attempt}`),
      onResponse: (e) =>
        events.push(`response ${e.endpoint}#${e.attempt} ${e.statusCode} ${e.durationMs >= 0}`),
      onError: (e) =>
        events.push(`error ${e.endpoint}#${e.attempt} ${(e.error as { code: string }).code}`),
      onRetry: (e) => events.push(`retry ${e.endpoint}#${e.attempt}`),
      logger: {
        warn: (m) => lines.push(m),
        debug: (o, m) => lines.push(`${m} ${JSON.stringify(o)}`),
      },
    });
    await client.balance();
    expect(events).toEqual([
      'request balance#1',
      'response balance#1 200 true',
      'error balance#1 PROVIDER_ERROR',
      'retry balance#1',
      'request balance#2',
      'response balance#2 200 true',
    ]);
    expect(lines.some((line) => line.startsWith('sjroom error'))).toBe(true);
    expect(lines.join('\n')).not.toContain('demo-password');
    await client.close();
    await env.reset();
  });
});

describe('proxy', () => {
  let proxy: Server;
  let tunnels = 0;
  beforeAll(async () => {
    proxy = createServer();
    proxy.on('connect', (request, socket, head) => {
      tunnels++;
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('sends through an HTTP proxy when `proxy` is set', async () => {
    const client = new SjroomClient({
      account: 'demo',
      password: 'demo-password',
      baseUrl: env.mock.url,
      proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    });
    expect((await client.balance()).amount).toBe('1000.0000');
    expect(tunnels).toBe(1);
    await client.close();
  });

  it('refuses proxy together with a dispatcher', () => {
    expect(
      () =>
        new SjroomClient({
          account: 'a',
          password: 'p',
          proxy: 'http://x',
          dispatcher: {} as never,
        }),
    ).toThrow(ConfigurationError);
  });
});
