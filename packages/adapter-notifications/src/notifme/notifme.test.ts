import { FakeTransport } from '@intl-sms/core/testing';
import NotifmeSdk from 'notifme-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from '../test-support/mock.js';
import { createNotifmeSmsProvider } from './index.js';

let env: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  env = await startMock();
});
afterAll(async () => {
  await env.close();
});
afterEach(async () => {
  await env.reset();
});

type Sdk = {
  send(request: object): Promise<{
    status: string;
    channels?: { sms?: { id: string; providerId: string } };
    errors?: { sms?: string };
  }>;
};
const sdk = (providers: object[], multiProviderStrategy = 'fallback'): Sdk =>
  new (NotifmeSdk as unknown as new (options: object) => Sdk)({
    channels: { sms: { multiProviderStrategy, providers } },
  });

describe('notifme-sdk custom provider (real notifme-sdk)', () => {
  it('sends; notifme reports the mock batch number as channels.sms.id', async () => {
    const result = await sdk([createNotifmeSmsProvider(env.settings())]).send({
      sms: { from: 'Acme', to: '+639171234567', text: 'Hello from notifme' },
    });
    const [message] = await env.messages();
    expect(result).toEqual({
      status: 'success',
      channels: { sms: { id: message?.batchNo, providerId: 'intl-sms' } },
    });
    expect(message).toMatchObject({
      text: 'Hello from notifme',
      recipients: [expect.objectContaining({ phone: '639171234567' })],
    });
  });

  it('sends unicode text as UCS-2', async () => {
    await sdk([createNotifmeSmsProvider(env.settings())]).send({
      sms: { from: 'A', to: '+639171234567', text: '你好 👋', type: 'unicode' },
    });
    expect((await env.messages())[0]).toMatchObject({ text: '你好 👋', encoding: 'UCS-2' });
  });

  it('calls request.customize first, as notifme providers do', async () => {
    await sdk([createNotifmeSmsProvider(env.settings(), { id: 'sms-main' })]).send({
      sms: {
        from: 'A',
        to: '+639171234567',
        text: 'original',
        customize: async (id: string, request: { text: string }) => ({
          ...request,
          text: `${request.text} via ${id}`,
        }),
      },
    });
    expect((await env.messages())[0]?.text).toBe('original via sms-main');
  });

  it('falls back to the next provider on a provider fault', async () => {
    await env.faults([{ type: 'state-code', stateCode: '500', endpoint: 'submit' }]);
    const backup = new FakeTransport();
    const result = await sdk([
      createNotifmeSmsProvider(env.settings(), { id: 'primary' }),
      createNotifmeSmsProvider(backup, { id: 'backup' }),
    ]).send({ sms: { from: 'A', to: '+639171234567', text: 'fallback' } });
    expect(result).toEqual({
      status: 'success',
      channels: { sms: { id: 'fake-1', providerId: 'backup' } },
    });
    expect(backup.submits).toHaveLength(1);
  });

  it('alternates with roundrobin', async () => {
    const a = new FakeTransport();
    const b = new FakeTransport();
    const notifme = sdk(
      [createNotifmeSmsProvider(a, { id: 'a' }), createNotifmeSmsProvider(b, { id: 'b' })],
      'roundrobin',
    );
    for (let i = 0; i < 4; i++)
      await notifme.send({ sms: { from: 'A', to: '+639171234567', text: `rr ${i}` } });
    expect([a.submits.length, b.submits.length]).toEqual([2, 2]);
  });

  it('reports a wrong password as errors.sms, without the password', async () => {
    const result = await sdk([
      createNotifmeSmsProvider(env.settings({ password: 'notifme-canary-pw' })),
    ]).send({
      sms: { from: 'A', to: '+639171234567', text: 'x' },
    });
    expect(result.status).toBe('error');
    expect(result.errors?.sms).toMatch(/rejected the account or password/);
    expect(JSON.stringify(result)).not.toContain('notifme-canary-pw');
  });

  it('never sends a malformed request and says why', async () => {
    const result = await sdk([createNotifmeSmsProvider(env.settings())]).send({
      sms: { from: 'A', to: '', text: 'x' },
    });
    expect(result.errors?.sms).toMatch(/no recipient/);
    expect(await env.messages()).toEqual([]);
  });
});
