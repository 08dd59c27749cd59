import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from './start-mock-server.js';

const IDLE_MS = 300;
let mock: RunningMockServer | undefined;

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function start(options: { requestTimeoutMs?: number } = {}): Promise<RunningMockServer> {
  mock = await startMockServer({ port: 0, idleTimeoutMs: IDLE_MS, ...options });
  return mock;
}

/** A raw connection to the mock, and when (ms after it opened) the mock closed it. */
function open(url: string): {
  socket: Socket;
  received: () => string;
  closedAfter: Promise<number>;
} {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const opened = performance.now();
  let text = '';
  socket.on('data', (chunk) => {
    text += String(chunk);
  });
  const closedAfter = new Promise<number>((resolve) =>
    socket.on('close', () => resolve(performance.now() - opened)),
  );
  return { socket, received: () => text, closedAfter };
}

const BALANCE = JSON.stringify({ account: 'demo', password: 'demo-password' });
const balanceRequest = (host: string) =>
  `POST /api/open/int/sms/balance HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${BALANCE.length}\r\n\r\n${BALANCE}`;

describe('connection timeouts', () => {
  it('answers a latency fault longer than the idle timeout (the connection is not cut)', async () => {
    const { url } = await start();
    await fetch(`${url}/__mock/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ endpoint: 'balance', type: 'latency', delayMs: 3 * IDLE_MS }]),
    });
    const started = performance.now();
    const response = await fetch(`${url}/api/open/int/sms/balance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BALANCE,
    });
    expect(await response.json()).toMatchObject({ stateCode: '200', data: '1000.0000' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * IDLE_MS - 10);
  });

  it('holds a long poll of /__mock/wait past the idle timeout, to its own timeout', async () => {
    const { url } = await start();
    const started = performance.now();
    const response = await fetch(`${url}/__mock/wait?phone=639171234567&timeout=${3 * IDLE_MS}`);
    expect(response.status).toBe(408);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * IDLE_MS - 10);
  });

  it('closes a keep-alive connection idle for the idle timeout after an answer', async () => {
    const { url } = await start();
    const connection = open(url);
    connection.socket.write(balanceRequest(new URL(url).host));
    const closedAfter = await connection.closedAfter;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(connection.received()).toContain('"data":"1000.0000"');
    expect(closedAfter).toBeGreaterThanOrEqual(IDLE_MS - 10);
    expect(closedAfter).toBeLessThan(IDLE_MS + 2_000);
  });

  it('closes a connection that never sends its headers', async () => {
    const { url } = await start();
    const connection = open(url);
    const closedAfter = await connection.closedAfter;
    // Node checks such connections every second (`connectionsCheckingInterval`).
    expect(closedAfter).toBeGreaterThanOrEqual(IDLE_MS - 10);
    expect(closedAfter).toBeLessThan(IDLE_MS + 2_500);
    expect(connection.received()).not.toMatch(/ 200 /);
  });

  it('answers 408 to a body that drips in slower than the request timeout allows', async () => {
    const { url } = await start({ requestTimeoutMs: 600 });
    const connection = open(url);
    const { host } = new URL(url);
    connection.socket.write(
      `POST /api/open/int/sms/balance HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${BALANCE.length}\r\n\r\n`,
    );
    let sent = 0;
    const drip = setInterval(() => {
      if (sent < BALANCE.length && !connection.socket.destroyed)
        connection.socket.write(BALANCE[sent++] as string);
    }, 100);
    const closedAfter = await connection.closedAfter;
    clearInterval(drip);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfter).toBeLessThan(600 + 2_500);
  });
});
