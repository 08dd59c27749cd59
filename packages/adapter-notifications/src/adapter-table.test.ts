import { ChannelTypeEnum, NovuStateless } from '@novu/stateless';
import NotifmeSdk from 'notifme-sdk';
import { describe, expect, it } from 'vitest';
import { IntlSmsNotificationProviderService } from './medusa/index.js';
import { createSmsNotifier } from './notifier/create-sms-notifier.js';
import { createNotifmeSmsProvider } from './notifme/index.js';
import { createNovuSmsProvider } from './novu/index.js';
import { useMock } from './test-support/mock.js';

const env = useMock();

/** Sends `{ to, text }` through one adapter the way its framework would; rejects when the adapter refuses. */
type Send = (to: string, text: string) => Promise<unknown>;

const adapters: Record<string, () => Send> = {
  notifier: () => {
    const notifier = createSmsNotifier(env.settings());
    return (to, text) => notifier.notify({ to, text });
  },
  notifme: () => {
    const sdk = new (
      NotifmeSdk as unknown as new (
        o: object,
      ) => { send(r: object): Promise<{ status: string; errors?: object }> }
    )({
      channels: { sms: { providers: [createNotifmeSmsProvider(env.settings())] } },
    });
    return async (to, text) => {
      const result = await sdk.send({ sms: { from: 'Acme', to, text } });
      if (result.status !== 'success') throw new Error(JSON.stringify(result.errors));
      return result;
    };
  },
  medusa: () => {
    const provider = new IntlSmsNotificationProviderService({}, env.settings());
    return (to, text) =>
      provider.send({ to, channel: 'sms', template: 'table', content: { text } });
  },
  novu: () => {
    const novu = new NovuStateless();
    const ready = Promise.all([
      novu.registerProvider(createNovuSmsProvider(env.settings())),
      novu.registerTemplate({
        id: 'table',
        messages: [{ channel: ChannelTypeEnum.SMS, template: '{{{text}}}' }],
      }),
    ]);
    return async (to, text) => {
      await ready;
      return novu.trigger('table', { $user_id: 'u', $phone: to, text });
    };
  },
};

const TABLE = [
  {
    to: '+639171234567',
    text: 'Table: plain GSM text',
    phone: '639171234567',
    encoding: 'GSM-7',
    segments: 1,
  },
  {
    to: '+44 7400 123456',
    text: 'Table: 你好 & <ok>',
    phone: '447400123456',
    encoding: 'UCS-2',
    segments: 1,
  },
  {
    to: '+6591234567',
    text: `Table: ${'long '.repeat(40)}`,
    phone: '6591234567',
    encoding: 'GSM-7',
    segments: 2,
  },
];

describe.each(Object.keys(adapters))('shared adapter table: %s', (name) => {
  it('records the same messages at the mock for the same inputs', async () => {
    const send = (adapters[name] as () => Send)();
    for (const row of TABLE) await send(row.to, row.text);
    const messages = await env.messages();
    expect(
      messages
        .map((m) => ({
          phone: m.recipients[0]?.phone,
          text: m.text,
          encoding: m.encoding,
          segments: (m as unknown as { segments: number }).segments,
        }))
        .reverse(),
    ).toEqual(
      TABLE.map(({ phone, text, encoding, segments }) => ({ phone, text, encoding, segments })),
    );
  });

  it('refuses a request without a recipient and sends nothing', async () => {
    const send = (adapters[name] as () => Send)();
    await expect(send('', 'no recipient')).rejects.toThrow(/recipient|\$phone/);
    expect(await env.messages()).toEqual([]);
  });
});
