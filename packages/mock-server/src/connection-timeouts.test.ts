import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMockServer } from './build-mock-server.js';
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

  it('closes a connection whose client stopped reading a large answer', async () => {
    const running = await start();
    const { url } = running;
    const { host } = new URL(url);
    await fetch(`${url}/__mock/accounts/demo`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ balance: '100000000' }),
    });
    // ≈ 10 MB of messages: more than the socket buffers take.
    for (let k = 0; k < 12; k++) {
      // `…0003` numbers are refused at submit (see the magic numbers).
      const phone = Array.from(
        { length: 10_000 },
        (_, i) => `63917${k + 10}${String(i).padStart(5, '0')}`,
      ).filter((number) => !number.endsWith('0003'));
      const submit = await fetch(`${url}/api/open/int/sms/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          account: 'demo',
          password: 'demo-password',
          goodsSupplySmsConfigId: 10001,
          phone: phone.join(','),
          sendContent: 'x',
        }),
      });
      expect(((await submit.json()) as { stateCode: string }).stateCode).toBe('200');
    }
    const { hostname, port } = new URL(url);
    const reader = connect(Number(port), hostname);
    reader.pause(); // reads nothing: the answer fills the socket buffers, then waits
    reader.on('error', () => undefined);
    reader.write(`GET /__mock/messages?limit=50 HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    const started = performance.now();
    const openConnections = () =>
      new Promise<number>((resolve, reject) =>
        running.app.server.getConnections((error, count) =>
          error ? reject(error) : resolve(count),
        ),
      );
    await expect.poll(openConnections, { timeout: IDLE_MS + 2_500, interval: 50 }).toBe(1);
    // The paused client does not see the close; the server's count says it.
    await expect.poll(openConnections, { timeout: IDLE_MS + 2_500, interval: 50 }).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(IDLE_MS - 10);
    reader.destroy();
  });

  it.each(['idleTimeoutMs', 'requestTimeoutMs'])(
    'refuses a %s that is not a whole number of ms, naming it',
    (field) => {
      for (const value of [-1, Number.NaN, 1.5, '1000']) {
        expect(() => buildMockServer({ [field]: value } as never)).toThrow(
          new RangeError(`[${field}:must be a whole number of ms, 0 or more]`),
        );
      }
    },
  );
});
