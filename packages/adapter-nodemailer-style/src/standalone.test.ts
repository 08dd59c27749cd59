import { FakeTransport } from '@intl-sms/core/testing';
import { describe, expect, it } from 'vitest';
import { createTransport } from './create-transport.js';
import { useMock } from './test-support/mock.js';

const env = useMock();
const { settings } = env;
const texts = async () => (await env.messages()).map((m) => m.text);

describe('createTransport (no nodemailer)', () => {
  it('sends to one recipient with the same info shape', async () => {
    const sms = createTransport(settings());
    const info = await sms.sendMail({ to: 'Alice <+63 917 123 4567>', text: 'one' });
    expect(info).toMatchObject({
      accepted: ['639171234567'],
      rejected: [],
      envelope: { to: ['639171234567'] },
    });
    expect(info.messageId).toMatch(/^\d+$/);
    await sms.close();
  });

  it('sends across countries and lists invalid numbers in rejected', async () => {
    const sms = createTransport(settings());
    const info = await sms.sendMail({
      to: ['+639171234567', '+447400123456', 'bad'],
      cc: '+6591234567',
      text: 'many',
    });
    expect(info.accepted).toHaveLength(3);
    expect(info.rejected).toEqual(['bad']);
    expect(info.messageIds).toHaveLength(3);
    await sms.close();
  });

  it('verifies with promise and callback styles; a wrong password is EAUTH', async () => {
    const good = createTransport(settings());
    expect(await good.verify()).toMatchObject({ ok: true, balance: '1000.0000' });
    const bad = createTransport({ ...settings(), password: 'nope' });
    const error = await new Promise<Error & { code?: string }>((resolve) =>
      bad.verify((e) => resolve(e as Error)),
    );
    expect(error.code).toBe('EAUTH');
    await Promise.all([good.close(), bad.close()]);
  });

  it('sends in callback style and returns nothing', async () => {
    const sms = createTransport(settings());
    let returned: unknown = 'unset';
    const info = await new Promise<{ accepted: readonly string[] }>((resolve, reject) => {
      returned = sms.sendMail({ to: '+639171234567', text: 'cb' }, (error, result) =>
        error || !result ? reject(error) : resolve(result),
      );
    });
    expect(returned).toBeUndefined();
    expect(info.accepted).toEqual(['639171234567']);
    await sms.close();
  });

  it('merges defaults and runs compile plugins in order', async () => {
    const sms = createTransport(settings(), { to: '+639171234567', subject: 'Acme' });
    sms
      .use('compile', (mail, done) => {
        mail.data = { ...mail.data, text: `Hi ${String(mail.data.name)}` };
        done();
      })
      .use('compile', (mail, done) => {
        mail.data = { ...mail.data, text: `${String(mail.data.text)}!` };
        done();
      });
    await sms.sendMail({ name: 'Ann' });
    expect(await texts()).toEqual(['Hi Ann!']);
    await sms.close();
  });

  it('passes a plugin error to the caller and sends nothing', async () => {
    const sms = createTransport(settings(), { to: '+639171234567' });
    sms.use('compile', (_mail, done) => done(new Error('template missing')));
    await expect(sms.sendMail({ text: 'x' })).rejects.toThrow('template missing');
    expect(await texts()).toEqual([]);
    await sms.close();
  });

  it('maps a mock fault and bad input to nodemailer codes', async () => {
    await env.faults([{ type: 'reset', endpoint: 'submit', times: 1 }]);
    const sms = createTransport(settings());
    await expect(sms.sendMail({ to: '+639171234567', text: 'x' })).rejects.toMatchObject({
      code: 'EOUTCOMEUNKNOWN',
    });
    await expect(sms.sendMail({ to: '+639171234567', text: '' })).rejects.toMatchObject({
      code: 'EMESSAGE',
    });
    await expect(sms.sendMail({ to: [], text: 'x' })).rejects.toMatchObject({ code: 'EENVELOPE' });
    expect(() => sms.use('deliver' as 'compile', () => undefined)).toThrow(/Unknown plugin step/);
    await sms.close();
  });

  it('accepts an existing transport and leaves it open on close()', async () => {
    const fake = new FakeTransport();
    const sms = createTransport({ transport: fake });
    await sms.sendMail({ to: '+639171234567', text: 'x' });
    await sms.close();
    await expect(fake.getBalance()).resolves.toBeDefined();
  });

  it('reads SJROOM_* environment variables when no settings are given', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      SJROOM_ACCOUNT: 'demo',
      SJROOM_PASSWORD: 'demo-password',
      SJROOM_BASE_URL: env.url,
    });
    try {
      const sms = createTransport();
      expect((await sms.verify()).balance).toBe('1000.0000');
      await sms.close();
    } finally {
      process.env = saved;
    }
  });
});
