import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError, SubmitOutcomeUnknownError, TimeoutError } from '../../errors/index.js';
import { mockedClient, socketError } from '../../test-support/mock-agent.js';
import { SjroomClient } from './sjroom-client.js';

const submitInput = {
  channelId: 10001,
  phones: ['639171234567', '639181234567'],
  content: 'hello',
};
const okBalance = { stateCode: '200', stateMsg: 'ok', data: '7.50' };

describe('SjroomClient connection failures (MockAgent)', () => {
  let current: ReturnType<typeof mockedClient>;
  afterEach(async () => {
    current.agent.assertNoPendingInterceptors();
    await current.agent.close();
  });

  it('retries a read after a reset and a refused connection, then succeeds', async () => {
    const retries: string[] = [];
    current = mockedClient({
      onRetry: (event) => retries.push(`${event.endpoint}#${event.attempt}:${event.error.code}`),
    });
    current.intercept('balance').replyWithError(socketError('ECONNRESET'));
    current.intercept('balance').replyWithError(socketError('ECONNREFUSED'));
    current.intercept('balance').reply(200, okBalance);
    expect((await current.client.balance()).amount).toBe('7.50');
    expect(retries).toEqual(['balance#1:NETWORK_ERROR', 'balance#2:NETWORK_ERROR']);
  });

  it('gives up on a read after maxAttempts with the last error', async () => {
    current = mockedClient({ retry: { maxAttempts: 2, initialDelayMs: 1 } });
    current.intercept('list').replyWithError(socketError('ECONNRESET')).times(2);
    const error = await current.client.listChannels().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ requestSent: true, endpoint: 'list', retryable: true });
  });

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])(
    'never repeats a submit after %s once the request may have left',
    async (code) => {
      current = mockedClient();
      current.intercept('submit').replyWithError(socketError(code));
      const error = await current.client.submit(submitInput).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SubmitOutcomeUnknownError);
      expect((error as SubmitOutcomeUnknownError).phones).toEqual(submitInput.phones);
      expect((error as Error).message).toMatch(/not retried to avoid a double send/);
    },
  );

  it('repeats a submit whose connection was refused before sending', async () => {
    current = mockedClient();
    current.intercept('submit').replyWithError(socketError('ECONNREFUSED'));
    current.intercept('submit').reply(200, { stateCode: '200', stateMsg: 'ok', data: 'B1' });
    expect(await current.client.submit(submitInput)).toBe('B1');
  });

  it('repeats a submit refused with "too many requests", which the provider did not process', async () => {
    current = mockedClient();
    current.intercept('submit').reply(200, { stateCode: '429', stateMsg: 'slow', data: null });
    current.intercept('submit').reply(200, { stateCode: '200', stateMsg: 'ok', data: 'B2' });
    expect(await current.client.submit(submitInput)).toBe('B2');
  });

  it('rejects with the caller’s abort reason without sending when already aborted', async () => {
    current = mockedClient();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(current.client.balance({ signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('SjroomClient timeouts (real HTTP server)', () => {
  let server: Server | undefined;
  let client: SjroomClient | undefined;
  afterEach(async () => {
    await client?.close();
    const running = server;
    server = undefined;
    if (running?.listening) {
      running.closeAllConnections();
      await new Promise((resolve) => running.close(resolve));
    }
  });

  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('times out a read whose body stalls, within the call timeout', async () => {
    let requests = 0;
    const baseUrl = await serve((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"stateCode":"200",');
    });
    client = new SjroomClient({
      account: 'a',
      password: 'p',
      baseUrl,
      retry: { initialDelayMs: 1, maxDelayMs: 1 },
    });
    const started = Date.now();
    const error = await client.balance({ timeout: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ endpoint: 'balance', timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(requests).toBe(1);
  });

  it('times out on a silent server with the response timeout, and retries reads', async () => {
    let requests = 0;
    const baseUrl = await serve(() => {
      requests++;
    });
    client = new SjroomClient({
      account: 'a',
      password: 'p',
      baseUrl,
      responseTimeout: 100,
      retry: { maxAttempts: 2, initialDelayMs: 1 },
    });
    await expect(client.listChannels()).rejects.toBeInstanceOf(TimeoutError);
    expect(requests).toBe(2);
  });

  it('reports a submit that timed out after sending as outcome unknown, sent once', async () => {
    let requests = 0;
    const baseUrl = await serve(() => {
      requests++;
    });
    client = new SjroomClient({ account: 'a', password: 'p', baseUrl, responseTimeout: 100 });
    const error = await client.submit(submitInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect((error as Error).cause).toBeInstanceOf(TimeoutError);
    expect(requests).toBe(1);
  });

  it('reports a connection reset after the request was read as outcome unknown for a submit', async () => {
    let requests = 0;
    const baseUrl = await serve((req) => {
      requests++;
      req.resume();
      req.on('end', () => req.socket.destroy());
    });
    client = new SjroomClient({ account: 'a', password: 'p', baseUrl });
    await expect(client.submit(submitInput)).rejects.toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(requests).toBe(1);
  });

  it('reports a refused connection as a NetworkError that was not sent', async () => {
    const baseUrl = await serve(() => undefined);
    await new Promise((resolve) => server?.close(resolve));
    client = new SjroomClient({ account: 'a', password: 'p', baseUrl, retry: false });
    await expect(client.balance()).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      requestSent: false,
    });
  });
});
