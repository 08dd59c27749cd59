import { DEMO_CREDENTIALS, type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** A message as the mock's inspection API lists it (the fields the tests read). */
export interface MockMessage {
  readonly batchNo: string;
  readonly text: string;
  readonly encoding: string;
  readonly recipients: readonly { readonly phone: string }[];
}

/** The mock server and helpers shared by the adapter tests. */
export interface MockEnv {
  readonly mock: RunningMockServer;
  settings(overrides?: Record<string, unknown>): {
    account: string;
    password: string;
    baseUrl: string;
    retry: false;
  };
  /** `GET /__mock/messages`: every message the mock accepted, newest first. */
  messages(): Promise<MockMessage[]>;
  /** Every recipient of those messages: a number twice here was sent twice. */
  phones(): Promise<string[]>;
  reset(): Promise<unknown>;
  faults(rules: readonly unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

/** Starts the mock server on a free port. */
export async function startMock(): Promise<MockEnv> {
  const mock: RunningMockServer = await startMockServer({ receiptDelay: 0 });
  const settings = (overrides: Record<string, unknown> = {}) => ({
    ...DEMO_CREDENTIALS,
    baseUrl: mock.url,
    retry: false as const,
    ...overrides,
  });
  const messages = async () =>
    (await mock.app.inject({ method: 'GET', url: '/__mock/messages' })).json()
      .messages as MockMessage[];
  const phones = async () =>
    (await messages()).flatMap((message) => message.recipients.map((r) => r.phone));
  // The mock refuses a change that does not say it is JSON, even without a body.
  const reset = () =>
    mock.app.inject({
      method: 'POST',
      url: '/__mock/reset',
      headers: { 'content-type': 'application/json' },
    });
  const faults = (rules: readonly unknown[]) =>
    mock.app.inject({ method: 'PUT', url: '/__mock/faults', payload: [...rules] as object[] });
  return { mock, settings, messages, phones, reset, faults, close: () => mock.close() };
}

/**
 * The mock for one test file: started before its tests, reset (faults too) before each,
 * closed after them. The returned object forwards to the running mock.
 */
export function useMock(): MockEnv {
  let current: MockEnv | undefined;
  beforeAll(async () => {
    current = await startMock();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(async () => {
    await current?.reset();
  });
  const env = (): MockEnv => {
    if (!current) throw new Error('useMock(): the mock starts in beforeAll');
    return current;
  };
  return {
    get mock() {
      return env().mock;
    },
    settings: (overrides) => env().settings(overrides),
    messages: () => env().messages(),
    phones: () => env().phones(),
    reset: () => env().reset(),
    faults: (rules) => env().faults(rules),
    close: () => env().close(),
  };
}
