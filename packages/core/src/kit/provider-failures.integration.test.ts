import { describe, expect, it } from 'vitest';
import { ProviderError } from '../errors/provider-error.js';
import { SubmitOutcomeUnknownError } from '../errors/submit-outcome-unknown-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { createFailoverTransport, mayFailOver } from '../failover/create-failover-transport.js';
import { Decimal } from '../money/decimal.js';
import { useMockServer } from '../test-support/mock-server.js';
import { FakeTransport } from '../testing/fake-transport.js';
import { defineSmsProvider } from './define-sms-provider.js';
import { deliveryReportOf } from './delivery-report-of.js';

const env = useMockServer();

interface Client {
  readonly url: (path: string) => URL;
  readonly creds: { account: string; password: string };
}

/**
 * A provider over the sjroom mock that checks the status after `call.http.call` resolved,
 * outside `read`, and throws a typed error of its own there: as hand-written providers do.
 */
const checksAfterTheCall = defineSmsProvider({
  name: 'checks-after-the-call',
  maxPhonesPerSubmit: 100,
  settingKeys: ['baseUrl'],
  createClient: (settings: { baseUrl: string }): Client => ({
    url: (path) => new URL(`/api/open/int/sms/${path}`, settings.baseUrl),
    creds: { account: 'demo', password: 'demo-password' },
  }),
  async listChannels(client, call) {
    const answer = await call.http.call({
      url: client.url('list'),
      body: JSON.stringify(client.creds),
      read: (a) => a,
    });
    const rows = JSON.parse(answer.text) as Record<string, unknown>[];
    return rows.map((row) => ({
      id: row.goodsSupplySmsConfigId as number,
      countryCode: String(row.countryCode),
      operator: String(row.countryOperator ?? ''),
      price: String(row.customerPrice),
      nameEn: String(row.nameEn ?? ''),
      nameZh: String(row.nameZh ?? ''),
      enabled: row.status === 1,
    }));
  },
  async submit(client, request, call) {
    const answer = await call.http.call({
      url: client.url('submit'),
      body: JSON.stringify({
        ...client.creds,
        goodsSupplySmsConfigId: request.channelId,
        phone: request.phones.join(','),
        sendContent: request.text,
      }),
      read: (a) => a,
    });
    if (answer.statusCode >= 500)
      throw new ProviderError(
        {
          endpoint: 'submit',
          statusCode: answer.statusCode,
          stateCode: undefined,
          stateMsg: undefined,
        },
        { retryable: true },
      );
    return (JSON.parse(answer.text) as { data: string }).data;
  },
  getDeliveryReport: async (_client, request) => deliveryReportOf(request.id, []),
  getBalance: async () => ({ amount: '1.0000', value: Decimal.parse('1') }),
});

const after502 = [
  { endpoint: 'submit', type: 'http-status', status: 502, afterProcessing: true, times: 1 },
];

describe('an error a provider throws after its submit may have left', () => {
  it('is an unknown outcome that failover never resends', async () => {
    await env.inject('PUT', '/__mock/faults', after502);
    const first = checksAfterTheCall.createTransport({ baseUrl: env.mock.url });
    const error = await first.send({ to: '+639171234567', text: 'once' }).catch((e: unknown) => e);
    expect(SubmitOutcomeUnknownError.isInstance(error)).toBe(true);
    expect(mayFailOver(error)).toBe(false);

    await env.inject('PUT', '/__mock/faults', after502);
    const failover = createFailoverTransport([first, env.transport()]);
    await failover.send({ to: '+639171234568', text: 'failover' }).catch(() => undefined);
    const received = (await env.received()).filter((r) => r.phone === '639171234568');
    expect(received).toHaveLength(1);
    await failover.close();
  });

  it('is an unknown outcome on the FakeTransport too, when a submit times out', async () => {
    const fake = new FakeTransport();
    fake.failNext(new TimeoutError('submit', 1000));
    const error = await fake.send({ to: '+639171234567', text: 'x' }).catch((e: unknown) => e);
    expect(SubmitOutcomeUnknownError.isInstance(error)).toBe(true);
    expect(mayFailOver(error)).toBe(false);
  });
});
