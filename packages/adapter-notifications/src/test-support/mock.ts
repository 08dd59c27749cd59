import { DEMO_ACCOUNT, type RunningMockServer, startMockServer } from '@intl-sms/mock-server';

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
  messages(): Promise<MockMessage[]>;
  reset(): Promise<unknown>;
  faults(rules: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

/** Starts the mock server on a free port. */
export async function startMock(): Promise<MockEnv> {
  const mock: RunningMockServer = await startMockServer({ receiptDelay: 0 });
  const settings = (overrides: Record<string, unknown> = {}) => ({
    ...DEMO_ACCOUNT,
    baseUrl: mock.url,
    retry: false as const,
    ...overrides,
  });
  const messages = async () =>
    (await mock.app.inject({ method: 'GET', url: '/__mock/messages' })).json()
      .messages as MockMessage[];
  const reset = () => mock.app.inject({ method: 'POST', url: '/__mock/reset' });
  const faults = (rules: unknown[]) =>
    mock.app.inject({ method: 'PUT', url: '/__mock/faults', payload: rules as object[] });
  return { mock, settings, messages, reset, faults, close: () => mock.close() };
}
