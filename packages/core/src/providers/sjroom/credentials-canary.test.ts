import { inspect } from 'node:util';
import { startMockServer } from '@intl-sms/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockedClient, socketError } from '../../test-support/mock-agent.js';
import { createSjroomTransport } from './create-sjroom-transport.js';
import { SjroomClient } from './sjroom-client.js';

const CANARY_ACCOUNT = 'canary-account-7f3a9c';
const CANARY_PASSWORD = 'canary-password-Zq8xW2';

/** Everything reachable from an error: message, stack, fields, the whole cause chain, inspect output. */
function surfaces(value: unknown): string {
  const parts: string[] = [inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true })];
  let current: unknown = value;
  for (let depth = 0; depth < 10 && current; depth++) {
    if (current instanceof Error) {
      parts.push(current.message, current.stack ?? '', JSON.stringify(current), String(current));
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join('\n');
}

function expectNoCanary(text: string): void {
  expect(text).not.toContain(CANARY_PASSWORD);
  expect(text).not.toContain(CANARY_ACCOUNT);
}

describe('credentials never leak (canary)', () => {
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  const logLines: string[] = [];
  beforeAll(async () => {
    mock = await startMockServer({
      accounts: [{ account: CANARY_ACCOUNT, password: CANARY_PASSWORD, balance: '0.0100' }],
      logLevel: 'debug',
      logStream: { write: (line: string) => logLines.push(line) },
    });
  });
  afterAll(async () => {
    await mock.close();
  });

  it('is absent from inspect, JSON and String of the client and transport', () => {
    const client = new SjroomClient({ account: CANARY_ACCOUNT, password: CANARY_PASSWORD });
    const transport = createSjroomTransport({ account: CANARY_ACCOUNT, password: CANARY_PASSWORD });
    for (const value of [client, transport]) {
      expectNoCanary(inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
      expectNoCanary(JSON.stringify(value) ?? '');
      expectNoCanary(String(value));
      // …and they do show what you need to tell two clients apart: the base URL.
      expect(String(value)).toContain(`baseUrl: '${client.baseUrl}'`);
      expect(JSON.stringify(value)).toContain(client.baseUrl);
    }
  });

  it('is absent from every error the real mock server provokes, and from its logs', async () => {
    const transport = createSjroomTransport({
      account: CANARY_ACCOUNT,
      password: CANARY_PASSWORD,
      baseUrl: mock.url,
    });
    const wrong = createSjroomTransport({
      account: CANARY_ACCOUNT,
      password: `${CANARY_PASSWORD}-wrong`,
      baseUrl: mock.url,
    });
    const channel = (await transport.listChannels()).find(
      (c) => c.enabled && c.countryCode === '63',
    );
    const errors = await Promise.all([
      wrong.getBalance().catch((e: unknown) => e),
      transport
        .send({ channelId: channel?.id ?? 0, to: ['+639171234567'], text: 'x'.repeat(200) })
        .catch((e: unknown) => e),
      transport
        .send({ channelId: channel?.id ?? 0, to: ['+639170000003'], text: 'invalid number' })
        .catch((e: unknown) => e),
      transport
        .send({ channelId: 1, to: ['+639171234567'], text: 'no channel' })
        .catch((e: unknown) => e),
      transport.getDeliveryReport('nope').catch((e: unknown) => e),
    ]);
    expect(errors.map((error) => (error as { code?: string }).code)).toEqual([
      'AUTHENTICATION_FAILED',
      'INSUFFICIENT_BALANCE',
      'VALIDATION_FAILED',
      'CHANNEL_UNAVAILABLE',
      'BATCH_NOT_FOUND',
    ]);
    for (const error of errors) expectNoCanary(surfaces(error));
    await mock.app.inject({
      method: 'PUT',
      url: '/__mock/faults',
      payload: [{ type: 'reset', endpoint: 'submit' }],
    });
    const unknown = await transport
      .send({ channelId: channel?.id ?? 0, to: ['+639171234567'], text: 'a' })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'SUBMIT_OUTCOME_UNKNOWN' });
    expectNoCanary(surfaces(unknown));
    await Promise.all([transport.close(), wrong.close()]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(CANARY_PASSWORD);
  });

  it('is masked when a misbehaving server echoes it back in an error or a body', async () => {
    const { client, agent, intercept } = mockedClient({
      account: CANARY_ACCOUNT,
      password: CANARY_PASSWORD,
      retry: false,
    });
    intercept('balance').reply(200, {
      stateCode: '500',
      stateMsg: `bad password ${CANARY_PASSWORD}`,
      data: null,
    });
    intercept('list').reply(200, `<html>${CANARY_ACCOUNT}:${CANARY_PASSWORD}</html>`);
    intercept('query').replyWithError(socketError('ECONNRESET'));
    const errors = await Promise.all([
      client.balance().catch((e: unknown) => e),
      client.listChannels().catch((e: unknown) => e),
      client.query('B1').catch((e: unknown) => e),
    ]);
    expect(errors.every((error) => error instanceof Error)).toBe(true);
    for (const error of errors) expectNoCanary(surfaces(error));
    expect((errors[1] as { bodySnippet: string }).bodySnippet).toBe('<html>***:***</html>');
    await agent.close();
  });
});
