import {
  DEMO_CREDENTIALS,
  type StartMockServerOptions,
  startMockServer,
} from '@intl-sms/mock-server';
import { mockInspector } from '@intl-sms/mock-server/testing';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createSjroomTransport,
  type SjroomTransportSettings,
} from '../providers/sjroom/create-sjroom-transport.js';

/** A mock server on a free port and helpers to steer and inspect it. */
export async function mockServer(options: StartMockServerOptions = {}) {
  const mock = await startMockServer({ receiptDelay: 0, ...options });
  const inject = async (
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => {
    // The mock refuses a change that does not say it is JSON, even without a body.
    const response = await mock.app.inject({
      method,
      url,
      ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' } }),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return response.json();
  };
  const transport = (settings: SjroomTransportSettings = {}) =>
    createSjroomTransport({
      ...DEMO_CREDENTIALS,
      baseUrl: mock.url,
      retry: { initialDelayMs: 1, maxDelayMs: 5 },
      ...settings,
    });
  const inspector = mockInspector(mock);
  /** Every recipient the mock received, over all batches, with the batch it came in. */
  const received = async () =>
    (await inspector.allMessages()).flatMap((m) =>
      (m.recipients ?? []).map((r) => ({
        phone: r.phone,
        batchNo: m.batchNo,
        channelId: m.channelId,
      })),
    );
  const enabled = (countryCode: string) =>
    mock.state.channels.filter((c) => c.countryCode === countryCode && c.status === 1);
  return {
    mock,
    inspector,
    inject,
    transport,
    received,
    enabled,
    reset: () => inject('POST', '/__mock/reset'),
  };
}

/** `count` distinct valid Philippine mobile numbers in wire form (none of them magic). */
export { philippineNumbers } from '@intl-sms/mock-server/testing';

/** What {@link mockServer} gives a test. */
export type MockEnv = Awaited<ReturnType<typeof mockServer>>;

/**
 * A mock server for the whole test file: started before the first test, reset after each
 * (when `resetAfterEach`), closed after the last. The returned object stands for it.
 */
export function useMockServer(
  options: StartMockServerOptions = {},
  { resetAfterEach = true }: { resetAfterEach?: boolean } = {},
): MockEnv {
  let env: MockEnv | undefined;
  beforeAll(async () => {
    env = await mockServer(options);
  });
  afterAll(async () => {
    await env?.mock.close();
  });
  if (resetAfterEach)
    afterEach(async () => {
      await env?.reset();
    });
  return new Proxy({} as MockEnv, {
    get: (_, key) => (env as unknown as Record<PropertyKey, unknown>)[key],
  });
}
