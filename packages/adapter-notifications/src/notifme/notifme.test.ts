import { FakeTransport } from '@intl-sms/core/testing';
import { DEMO_ACCOUNT } from '@intl-sms/mock-server';
import { describe, expect, it } from 'vitest';
import { useMock } from '../test-support/mock.js';
import { notifmeSdk as sdk } from '../test-support/notifme.js';
import { captureWarnings } from '../test-support/warnings.js';
import { createNotifmeSmsProvider } from './index.js';

const env = useMock();

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

  it('does not fall back after stateCode 500 on submit: the SMS may have been sent', async () => {
    await env.faults([{ type: 'state-code', stateCode: '500', endpoint: 'submit' }]);
    const backup = new FakeTransport();
    const result = await sdk([
      createNotifmeSmsProvider(env.settings(), { id: 'primary', onIncompleteSend: () => {} }),
      createNotifmeSmsProvider(backup, { id: 'backup' }),
    ]).send({ sms: { from: 'A', to: '+639171234567', text: 'no fallback' } });
    expect(result).toEqual({
      status: 'success',
      channels: { sms: { id: expect.stringMatching(/^outcome-unknown:/), providerId: 'primary' } },
    });
    expect(backup.submits).toEqual([]);
  });

  it('falls back to the next provider after a definite refusal (402: nothing was sent)', async () => {
    await env.faults([{ type: 'state-code', stateCode: '402', endpoint: 'submit' }]);
    const backup = new FakeTransport();
    const result = await sdk([
      createNotifmeSmsProvider(env.settings(), { id: 'primary' }),
      createNotifmeSmsProvider(backup, { id: 'backup' }),
    ]).send({ sms: { from: 'A', to: '+639171234567', text: 'fallback' } });
    expect(result).toEqual({
      status: 'success',
      channels: { sms: { id: 'fake-1', providerId: 'backup' } },
    });
    expect(backup.sentPhones).toEqual(['639171234567']);
    expect(await env.messages()).toEqual([]);
  });

  it('without onIncompleteSend, reports an unknown outcome as a credential-free process warning', async () => {
    await env.faults([{ type: 'reset', endpoint: 'submit', times: 1 }]);
    const capture = captureWarnings();
    try {
      const result = await sdk([createNotifmeSmsProvider(env.settings())]).send({
        metadata: { id: 'order-1042' },
        sms: { from: 'A', to: '+639171234567', text: 'secret text 4242' },
      });
      expect(result.status).toBe('success');
      await capture.settle();
    } finally {
      capture.stop();
    }
    const warnings = capture.warnings.filter((w) => w.code === 'INTL_SMS_INCOMPLETE_SEND');
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning?.message).toContain('SUBMIT_OUTCOME_UNKNOWN');
    expect(warning?.message).toContain('0 accepted, 0 refused, 1 unknown');
    expect(warning?.message).toContain('requestId="order-1042"');
    for (const secret of [DEMO_ACCOUNT.password, 'secret text', '639171234567'])
      expect(warning?.message).not.toContain(secret);
  });

  it('still resolves when onIncompleteSend throws, and reports both', async () => {
    await env.faults([{ type: 'state-code', stateCode: '500', endpoint: 'submit' }]);
    const backup = new FakeTransport();
    const capture = captureWarnings();
    let result: Awaited<ReturnType<ReturnType<typeof sdk>['send']>>;
    try {
      result = await sdk([
        createNotifmeSmsProvider(env.settings(), {
          onIncompleteSend: async () => {
            throw new Error('the app callback is broken');
          },
        }),
        createNotifmeSmsProvider(backup, { id: 'backup' }),
      ]).send({ sms: { from: 'A', to: '+639171234567', text: 'x' } });
      await capture.settle();
    } finally {
      capture.stop();
    }
    expect(result.status).toBe('success');
    expect(result.channels?.sms?.providerId).toBe('intl-sms');
    expect(backup.submits).toEqual([]);
    expect(capture.warnings.map((w) => w.code)).toEqual([
      'INTL_SMS_HOOK_FAILED',
      'INTL_SMS_INCOMPLETE_SEND',
    ]);
    // The callback's own message is application text: only its class name is printed.
    expect(capture.warnings[0]?.message).toContain('onIncompleteSend threw (Error)');
    expect(capture.warnings[0]?.message).not.toContain('the app callback is broken');
  });

  it("with incomplete: 'reject', notifme's fallback sends the SMS twice: why it is not the default", async () => {
    await env.faults([{ type: 'reset', endpoint: 'submit', times: 1 }]);
    const backup = new FakeTransport();
    const events: unknown[] = [];
    const result = await sdk([
      createNotifmeSmsProvider(env.settings(), {
        incomplete: 'reject',
        onIncompleteSend: (event) => {
          events.push(event);
        },
      }),
      createNotifmeSmsProvider(backup, { id: 'backup' }),
    ]).send({ sms: { from: 'A', to: '+639171234567', text: 'twice' } });
    expect(result.channels?.sms?.providerId).toBe('backup');
    expect(backup.sentPhones).toEqual(['639171234567']);
    expect(await env.phones()).toEqual(['639171234567']);
    expect(events).toEqual([expect.objectContaining({ kind: 'unknown', id: undefined })]);
  });

  it("with incomplete: 'reject' and no-fallback, notifme reports the unknown outcome as an error", async () => {
    await env.faults([{ type: 'state-code', stateCode: '500', endpoint: 'submit' }]);
    const result = await sdk(
      [createNotifmeSmsProvider(env.settings(), { incomplete: 'reject', onIncompleteSend() {} })],
      'no-fallback',
    ).send({ sms: { from: 'A', to: '+639171234567', text: 'x' } });
    expect(result.status).toBe('error');
    expect(result.errors?.sms).toMatch(/may or may not have been accepted/);
  });

  it('rejects before sending when request.customize throws, so the fallback is safe', async () => {
    const backup = new FakeTransport();
    const result = await sdk([
      createNotifmeSmsProvider(env.settings(), { id: 'primary' }),
      createNotifmeSmsProvider(backup, { id: 'backup' }),
    ]).send({
      sms: {
        from: 'A',
        to: '+639171234567',
        text: 'x',
        customize: async (id: string, request: object) => {
          if (id === 'primary') throw new Error('no template for primary');
          return request;
        },
      },
    });
    expect(result.channels?.sms?.providerId).toBe('backup');
    expect(await env.messages()).toEqual([]);
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
