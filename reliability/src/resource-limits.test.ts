import { connect, type Socket } from 'node:net';
import { DEMO_ACCOUNT, startMockServer } from '@intl-sms/mock-server';
import { describe, expect, it } from 'vitest';

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

function closed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.once('close', () => resolve(data));
    socket.once('error', () => undefined);
  });
}

async function stillServes(url: string): Promise<boolean> {
  const response = await fetch(`${url}/api/open/int/sms/balance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: DEMO_ACCOUNT.account, password: DEMO_ACCOUNT.password }),
  });
  return ((await response.json()) as { stateCode: string }).stateCode === '200';
}

describe('the mock limits what a client can hold', () => {
  it('ends a slow-drip request body at the request timeout', async () => {
    const mock = await startMockServer({ requestTimeoutMs: 500 });
    const socket = await openSocket(mock.port);
    const ended = closed(socket);
    socket.write(
      // A Host the mock allows (its DNS-rebinding guard answers any other at once).
      `POST /api/open/int/sms/balance HTTP/1.1\r\nHost: 127.0.0.1:${mock.port}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"acc`,
    );
    const timer = setInterval(() => socket.write(' '), 100);
    const started = Date.now();
    const answer = await ended;
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(await stillServes(mock.url)).toBe(true);
    await mock.close();
  });

  it('closes idle connections and refuses connections beyond the limit', async () => {
    const mock = await startMockServer({ idleTimeoutMs: 300, maxConnections: 20 });
    const sockets = await Promise.all(Array.from({ length: 30 }, () => openSocket(mock.port)));
    const ends = sockets.map(closed);
    const started = Date.now();
    await Promise.all(ends);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await stillServes(mock.url)).toBe(true);
    await mock.close();
  });

  it('refuses a body over the limit without reading it all', async () => {
    const mock = await startMockServer({ bodyLimit: 10_000 });
    const response = await fetch(`${mock.url}/api/open/int/sms/list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...DEMO_ACCOUNT, pad: 'x'.repeat(50_000) }),
    });
    expect(await response.json()).toMatchObject({ stateCode: '413' });
    expect(await stillServes(mock.url)).toBe(true);
    await mock.close();
  });
});
