import { describe, expect, it } from 'vitest';
import { useMock } from '../test-support/mock.js';
import moduleProvider, { IntlSmsNotificationProviderService } from './index.js';

const env = useMock();

const logs: string[] = [];
const logger = { info: (message: string) => logs.push(message) } as never;

describe('Medusa v2 notification provider (real @medusajs/framework)', () => {
  it('exports a module provider for the notification module', () => {
    expect(moduleProvider).toMatchObject({ services: [IntlSmsNotificationProviderService] });
    expect(IntlSmsNotificationProviderService.identifier).toBe('intl-sms');
  });

  it('validates options with clear errors', () => {
    const saved = { ...process.env };
    delete process.env.SJROOM_ACCOUNT;
    delete process.env.SJROOM_PASSWORD;
    try {
      expect(() =>
        IntlSmsNotificationProviderService.validateOptions({ account: 'a', password: 'p' }),
      ).not.toThrow();
      expect(() => IntlSmsNotificationProviderService.validateOptions({ password: 'p' })).toThrow(
        /`account` is required/,
      );
      expect(() => IntlSmsNotificationProviderService.validateOptions({ account: 'a' })).toThrow(
        /`password` is required/,
      );
      expect(() =>
        IntlSmsNotificationProviderService.validateOptions({
          account: 'a',
          password: 'p',
          templates: { x: 1 },
        }),
      ).toThrow(/templates/);
    } finally {
      process.env = saved;
    }
  });

  it('sends an idempotency_key once when a retry comes while the first send is in flight', async () => {
    await env.faults([{ endpoint: 'submit', type: 'latency', delayMs: 300 }]);
    const provider = new IntlSmsNotificationProviderService(
      {
        logger: {
          info: (line: string) => logs.push(line),
          warn: (line: string) => logs.push(line),
        } as never,
      },
      env.settings(),
    );
    const notification = (id: string) =>
      ({
        id,
        to: '+639171234567',
        channel: 'sms',
        content: { text: 'Your code is 1234' },
        idempotency_key: 'order-42-otp',
      }) as never;
    const first = provider.send(notification('noti_1'));
    const second = provider.send(notification('noti_2'));
    const [a, b] = await Promise.all([first, second]);
    const messages = await env.messages();
    expect(messages).toHaveLength(1);
    expect(a.id).toBe(messages[0]?.batchNo);
    expect(b.id).toBe(a.id);
  });

  it('sends a template rendered with data and returns the batch number as id', async () => {
    const provider = new IntlSmsNotificationProviderService(
      { logger },
      {
        ...env.settings(),
        templates: { 'order-placed': 'Order {{order.display_id}} for {{name}} is confirmed' },
      },
    );
    const result = await provider.send({
      to: '+639171234567',
      channel: 'sms',
      template: 'order-placed',
      data: { name: 'Ann', order: { display_id: 1042 } },
    });
    const [message] = await env.messages();
    expect(result).toEqual({ id: message?.batchNo });
    expect(message?.text).toBe('Order 1042 for Ann is confirmed');
    expect(logs.at(-1)).toContain(message?.batchNo);
  });

  it('prefers content.text, and refuses a malformed notification without sending', async () => {
    const provider = new IntlSmsNotificationProviderService({ logger }, env.settings());
    await provider.send({
      to: '+639171234567',
      channel: 'sms',
      template: 'x',
      content: { text: 'direct text' },
    });
    expect((await env.messages())[0]?.text).toBe('direct text');
    await expect(
      provider.send({ to: '', channel: 'sms', template: 'x', content: { text: 'x' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'to',
    });
    await expect(
      provider.send({ to: '+639171234567', channel: 'sms', template: 'unknown-template' }),
    ).rejects.toMatchObject({
      field: 'template',
    });
    expect(await env.messages()).toHaveLength(1);
  });

  it('rejects with the core error as cause on a provider fault', async () => {
    await env.faults([{ type: 'state-code', stateCode: '403', endpoint: 'submit' }]);
    const provider = new IntlSmsNotificationProviderService({ logger }, env.settings());
    const error = await provider
      .send({ to: '+639171234567', channel: 'sms', template: 't', content: { text: 'x' } })
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'CHANNEL_UNAVAILABLE' });
    expect((error as Error).cause).toMatchObject({ code: 'CHANNEL_UNAVAILABLE' });
  });
});
