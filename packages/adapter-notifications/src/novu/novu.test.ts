import { FakeTransport } from '@intl-sms/core/testing';
import { ChannelTypeEnum, NovuStateless } from '@novu/stateless';
import { describe, expect, it } from 'vitest';
import { useMock } from '../test-support/mock.js';
import { createNovuSmsProvider, NOVU_SMS_STATUS } from './index.js';

const env = useMock();

describe('Novu SMS provider (real @novu/stateless)', () => {
  it('sends a triggered template to the subscriber $phone', async () => {
    const novu = new NovuStateless();
    await novu.registerProvider(createNovuSmsProvider(env.settings()));
    await novu.registerTemplate({
      id: 'otp',
      messages: [
        { channel: ChannelTypeEnum.SMS, template: 'Hi {{firstName}}, your code is {{code}}' },
      ],
    });
    const sent: unknown[] = [];
    novu.on('post:send', (event) => sent.push(event));
    await novu.trigger('otp', {
      $user_id: 'u1',
      $phone: '+639171234567',
      firstName: 'Ann',
      code: '4242',
    });
    const [message] = await env.messages();
    expect(message).toMatchObject({
      text: 'Hi Ann, your code is 4242',
      recipients: [expect.objectContaining({ phone: '639171234567' })],
    });
    expect(sent).toHaveLength(1);
  });

  it('answers sendMessage with id, ids and date', async () => {
    const provider = createNovuSmsProvider(new FakeTransport());
    const response = await provider.sendMessage({ to: '+447400123456', content: 'hello' });
    expect(response).toMatchObject({ id: 'fake-1', ids: ['fake-1'] });
    expect(Number.isNaN(Date.parse(response.date ?? ''))).toBe(false);
    expect(provider.channelType).toBe(ChannelTypeEnum.SMS);
  });

  it('maps delivery receipts to Novu statuses with getMessageId and parseEventBody', async () => {
    const fake = new FakeTransport();
    const provider = createNovuSmsProvider(fake);
    const { id } = await provider.sendMessage({ to: '+639171234567', content: 'x' });
    const second = await fake.send({ to: ['+639170000001', '+639170000002'], text: 'y' });
    const reports = [
      await fake.getDeliveryReport(id ?? ''),
      await fake.getDeliveryReport(second.id),
    ];
    expect(provider.getMessageId?.(reports)).toEqual([id, second.id]);
    expect(provider.parseEventBody?.(reports, '+63 917 123 4567')).toMatchObject({
      status: NOVU_SMS_STATUS.delivered,
      externalId: id,
    });
    expect(provider.parseEventBody?.(reports, '+639170000001')?.status).toBe('failed');
    expect(provider.parseEventBody?.(reports, '639170000002')?.status).toBe('queued');
    expect(provider.parseEventBody?.(reports, second.id)?.status).toBe('queued');
    expect(provider.parseEventBody?.(reports[0], id ?? '')?.status).toBe('delivered');
    expect(provider.parseEventBody?.(reports, 'unknown')).toBeUndefined();
    expect(provider.parseEventBody?.({ not: 'a report' }, id ?? '')).toBeUndefined();
  });

  it('fails the trigger with the core error as cause on a wrong password', async () => {
    const novu = new NovuStateless();
    await novu.registerProvider(createNovuSmsProvider(env.settings({ password: 'wrong' })));
    await novu.registerTemplate({
      id: 't',
      messages: [{ channel: ChannelTypeEnum.SMS, template: 'x' }],
    });
    const error = await novu
      .trigger('t', { $user_id: 'u', $phone: '+639171234567' })
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED' });
    expect((error as Error).cause).toBeDefined();
  });
});
