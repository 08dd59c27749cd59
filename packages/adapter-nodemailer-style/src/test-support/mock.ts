import { DEMO_CREDENTIALS, type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** A message as the mock's inspection API lists it (the fields the tests read). */
export interface MockMessage {
  readonly batchNo: string;
  readonly text: string;
  readonly countryCode: string;
  readonly recipients: readonly { readonly phone: string }[];
}

/** The running mock, as the tests of this package use it. */
export interface MockEnv {
  /** The mock's base URL. */
  readonly url: string;
  /** Transport settings for the mock's demo account, without retries. */
  settings(): { account: string; password: string; baseUrl: string; retry: false };
  /** `GET /__mock/messages`: every message the mock accepted, newest first. */
  messages(): Promise<MockMessage[]>;
  /** Every recipient of those messages: a number twice here was sent twice. */
  phones(): Promise<string[]>;
  /** `PUT /__mock/faults`. */
  faults(rules: readonly object[]): Promise<unknown>;
}

/**
 * The mock for one test file: started on a free port before its tests, reset (faults
 * too) before each, closed after them.
 */
export function useMock(): MockEnv {
  let mock: RunningMockServer | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ receiptDelay: 0 });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(async () => {
    await mock?.app.inject({
      method: 'POST',
      url: '/__mock/reset',
      headers: { 'content-type': 'application/json' },
    });
  });
  const running = (): RunningMockServer => {
    if (!mock) throw new Error('useMock(): the mock starts in beforeAll');
    return mock;
  };
  const messages = async () =>
    (await running().app.inject({ method: 'GET', url: '/__mock/messages' })).json()
      .messages as MockMessage[];
  return {
    get url() {
      return running().url;
    },
    settings: () => ({ ...DEMO_CREDENTIALS, baseUrl: running().url, retry: false as const }),
    messages,
    phones: async () => (await messages()).flatMap((m) => m.recipients.map((r) => r.phone)),
    faults: (rules) =>
      running().app.inject({ method: 'PUT', url: '/__mock/faults', payload: [...rules] }),
  };
}
