import { describe, expect, it } from 'vitest';
import { sendBulk } from '../bulk/send-bulk.js';
import { UnexpectedResponseError } from '../errors/unexpected-response-error.js';
import type { Balance } from '../transport/balance.js';
import type { Channel } from '../transport/channel.js';
import { defineSmsProvider } from './define-sms-provider.js';
import { deliveryReportOf } from './delivery-report-of.js';

const GOOD_CHANNEL: Channel = {
  id: 1,
  countryCode: '63',
  operator: 'Globe',
  price: '0.0500',
  nameEn: 'Philippines',
  nameZh: '菲律宾',
  enabled: true,
};

/** A provider whose answers the test chooses; it counts the submits it makes. */
function providerAnswering(answers: { channels?: () => unknown; balance?: () => unknown }) {
  const submits: string[][] = [];
  const provider = defineSmsProvider({
    name: 'scripted',
    maxPhonesPerSubmit: 100,
    settingKeys: [],
    createClient: () => ({}),
    listChannels: async () =>
      (answers.channels ? answers.channels() : [GOOD_CHANNEL]) as readonly Channel[],
    submit: async (_client, request) => {
      submits.push([...request.phones]);
      return 'batch-1';
    },
    getDeliveryReport: async (_client, request) => deliveryReportOf(request.id, []),
    getBalance: async () => answers.balance?.() as Balance,
  });
  return { transport: provider.createTransport({}), submits };
}

const isUnexpected = (error: unknown) => UnexpectedResponseError.isInstance(error);

describe('a provider answer of the wrong shape', () => {
  it.each([
    ['a channel list that is null', () => null],
    ['a channel without enabled', () => [{ ...GOOD_CHANNEL, enabled: 'yes' }]],
    ['a channel whose price is a number', () => [{ ...GOOD_CHANNEL, price: 0.05 }]],
    [
      'a provider that throws a TypeError',
      () => {
        throw new TypeError("Cannot read properties of null (reading 'map')");
      },
    ],
  ])('is an UnexpectedResponseError from listChannels and send: %s', async (_, channels) => {
    const { transport, submits } = providerAnswering({ channels });
    await expect(transport.listChannels()).rejects.toSatisfy(isUnexpected);
    await expect(transport.send({ to: '+639171234567', text: 'x' })).rejects.toSatisfy(
      isUnexpected,
    );
    expect(submits).toEqual([]);
  });

  it('is an UnexpectedResponseError from getBalance', async () => {
    const { transport } = providerAnswering({ balance: () => ({ amount: 5 }) });
    await expect(transport.getBalance()).rejects.toSatisfy(isUnexpected);
  });

  it('books recipients sendBulk never submitted as failed, safe to resend, not unknown', async () => {
    const { transport, submits } = providerAnswering({ channels: () => null });
    const summary = await sendBulk(transport, ['+639171234567', '+639171234568'], { text: 'x' });
    expect(submits).toEqual([]);
    expect([summary.failed, summary.unknown]).toEqual([2, 0]);
    expect(summary.failedRecipients.map((f) => f.code)).toEqual([
      'UNEXPECTED_RESPONSE',
      'UNEXPECTED_RESPONSE',
    ]);
  });
});
