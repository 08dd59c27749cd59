import {
  DEMO_CREDENTIALS,
  type StartMockServerOptions,
  startMockServer,
} from '@intl-sms/mock-server';
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
  /** Every recipient the mock received, over all batches, with the batch it came in. */
  const received = async () => {
    const { messages } = await inject('GET', '/__mock/messages?limit=1000');
    return (
      messages as { batchNo: string; channelId: string; recipients: { phone: string }[] }[]
    ).flatMap((m) =>
      m.recipients.map((r) => ({ phone: r.phone, batchNo: m.batchNo, channelId: m.channelId })),
    );
  };
  const enabled = (countryCode: string) =>
    mock.state.channels.filter((c) => c.countryCode === countryCode && c.status === 1);
  return {
    mock,
    inject,
    transport,
    received,
    enabled,
    reset: () => inject('POST', '/__mock/reset'),
  };
}

/** `count` distinct valid Philippine mobile numbers in wire form (none of them magic), from offset `from`. */
export function philippineNumbers(count: number, from = 0): string[] {
  return Array.from(
    { length: count },
    (_, i) => `63917${String((from + i) * 10 + 5).padStart(7, '0')}`,
  );
}
