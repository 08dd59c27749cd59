import { describe, expect, it } from 'vitest';
import { SmsError } from '../errors/sms-error.js';
import { Decimal } from '../money/decimal.js';
import { useMockServer } from '../test-support/mock-server.js';
import { defineSmsProvider } from './define-sms-provider.js';
import { deliveryReportOf } from './delivery-report-of.js';
import type { ProviderCall } from './provider-definition.js';

const env = useMockServer();

/** A provider whose reads wait before their HTTP call (a token refresh, say). */
function slowReader(waitMs: number) {
  const started: string[] = [];
  const pause = () => new Promise((resolve) => setTimeout(resolve, waitMs));
  const read = async (url: string, call: ProviderCall) => {
    started.push(url);
    await pause();
    return (await call.http.call({
      url: new URL(`/api/open/int/sms/${url}`, env.mock.url),
      body: JSON.stringify({ account: 'demo', password: 'demo-password' }),
      read: (answer) => JSON.parse(answer.text) as unknown,
    })) as unknown;
  };
  const transport = defineSmsProvider({
    name: 'slow-reader',
    maxPhonesPerSubmit: 100,
    settingKeys: [],
    createClient: () => ({}),
    async listChannels(_client, call) {
      await read('list', call);
      return [];
    },
    submit: async () => 'never',
    getDeliveryReport: async (_client, request) => deliveryReportOf(request.id, []),
    async getBalance(_client, call) {
      const answer = (await read('balance', call)) as { data: string };
      return { amount: answer.data, value: Decimal.parse(answer.data) };
    },
  }).createTransport({});
  return { transport, started };
}

const reads = [
  ['getBalance', (sms: ReturnType<typeof slowReader>['transport']) => sms.getBalance()],
  ['listChannels', (sms: ReturnType<typeof slowReader>['transport']) => sms.listChannels()],
] as const;

describe("a transport's close() and its reads", () => {
  it.each(reads)(
    'lets a %s under way finish, though it has not reached its HTTP call yet',
    async (_, read) => {
      const { transport: sms } = slowReader(150);
      const answer = read(sms);
      const closed = sms.close();
      await expect(answer).resolves.toBeDefined();
      await closed;
    },
  );

  it.each(reads)(
    'refuses a %s asked for once closing began: CLIENT_CLOSED, nothing run',
    async (_, read) => {
      const { transport: sms, started } = slowReader(0);
      const closed = sms.close();
      const error = await read(sms).catch((e: unknown) => e);
      expect(SmsError.isInstance(error) && error.code).toBe('CLIENT_CLOSED');
      expect(started).toEqual([]);
      await closed;
    },
  );
});
