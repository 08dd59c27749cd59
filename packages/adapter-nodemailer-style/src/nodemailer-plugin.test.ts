import { FakeTransport } from '@intl-sms/core/testing';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { smsTransport } from './sms-transport-plugin.js';
import { useMock } from './test-support/mock.js';

const env = useMock();
const { settings, messages } = env;
describe('smsTransport with the real nodemailer', () => {
  it('sends to one recipient; info follows nodemailer conventions', async () => {
    const transporter = nodemailer.createTransport(smsTransport(settings()));
    const info = await transporter.sendMail({
      from: 'Acme',
      to: '+63 917 123 4567',
      text: 'Your code is 4242',
    });
    const [message] = await messages();
    expect(info).toMatchObject({
      messageId: message?.batchNo,
      accepted: ['639171234567'],
      rejected: [],
      pending: [],
      envelope: { from: 'Acme', to: ['639171234567'] },
    });
    expect(info.response).toMatch(/^250 /);
    expect(message).toMatchObject({
      text: 'Your code is 4242',
      recipients: [expect.objectContaining({ phone: '639171234567' })],
    });
    transporter.close();
  });

  it('sends to many recipients across countries from to, cc, bcc and address objects', async () => {
    const transporter = nodemailer.createTransport(smsTransport(settings()));
    const info = await transporter.sendMail({
      to: ['Alice <+639171234567>', { name: 'Bob', address: '+447400123456' }],
      cc: '"Carol, CEO" <+6591234567>, +639181234567@sms',
      bcc: '+12025550123',
      text: 'Hello all',
    });
    expect([...info.accepted].sort()).toEqual(
      ['12025550123', '447400123456', '6591234567', '639171234567', '639181234567'].sort(),
    );
    expect(info.messageIds.length).toBe(4);
    expect((await messages()).map((m) => m.countryCode).sort()).toEqual(['1', '44', '63', '65']);
    transporter.close();
  });

  it('lists invalid numbers in rejected and sends the rest', async () => {
    const transporter = nodemailer.createTransport(smsTransport(settings()));
    const info = await transporter.sendMail({
      to: ['+639171234567', 'not a phone', 'someone@example.com'],
      text: 'hi',
    });
    expect(info.accepted).toEqual(['639171234567']);
    expect(info.rejected).toEqual(['not a phone', 'someone@example.com']);
    transporter.close();
  });

  it('fails with EENVELOPE when no recipient is valid, EMESSAGE for attachments or no text', async () => {
    const transporter = nodemailer.createTransport(smsTransport(settings()));
    await expect(
      transporter.sendMail({ to: 'nobody@example.com', text: 'x' }),
    ).rejects.toMatchObject({ code: 'EENVELOPE' });
    await expect(transporter.sendMail({ text: 'x' })).rejects.toMatchObject({ code: 'EENVELOPE' });
    await expect(
      transporter.sendMail({
        to: '+639171234567',
        text: 'x',
        attachments: [{ filename: 'a.txt', content: 'a' }],
      }),
    ).rejects.toMatchObject({ code: 'EMESSAGE' });
    await expect(
      transporter.sendMail({ to: '+639171234567', subject: 'only a subject' }),
    ).rejects.toMatchObject({ code: 'EMESSAGE' });
    expect(await messages()).toEqual([]);
    transporter.close();
  });

  it('converts html without text to plain text, or rejects it when asked', async () => {
    const converting = nodemailer.createTransport(smsTransport(settings()));
    await converting.sendMail({
      to: '+639171234567',
      html: '<p>Hello <b>Ann</b> &amp; co</p><p>Code: 42</p>',
    });
    expect((await messages())[0]?.text).toBe('Hello Ann & co\nCode: 42');
    const strict = nodemailer.createTransport(smsTransport({ ...settings(), html: 'reject' }));
    await expect(strict.sendMail({ to: '+639171234567', html: '<p>x</p>' })).rejects.toMatchObject({
      code: 'EMESSAGE',
    });
    converting.close();
    strict.close();
  });

  // Found by the hostile review: `&#99999999;` threw (the send failed), `&eacute;` stayed
  // literal, and the sign-in link of an OTP mail vanished with its tag.
  it('sends an HTML mail with any entity and keeps its links', async () => {
    const transporter = nodemailer.createTransport(smsTransport(settings()));
    await transporter.sendMail({
      to: '+639171234567',
      html: '<p>Caf&eacute; &#99999999;</p><p><a href="https://x.test/otp?c=42&amp;u=ann">Sign in</a></p>',
    });
    expect((await messages())[0]?.text).toBe(
      'Café \ufffd\nSign in (https://x.test/otp?c=42&u=ann)',
    );
    transporter.close();
  });

  it('prepends the subject when subjectPrefix says so', async () => {
    const transporter = nodemailer.createTransport(
      smsTransport({ ...settings(), subjectPrefix: true }),
    );
    await transporter.sendMail({ to: '+639171234567', subject: 'Acme', text: 'code 1' });
    expect((await messages())[0]?.text).toBe('Acme\ncode 1');
    transporter.close();
  });

  it('works in callback style too', async () => {
    const transporter = nodemailer.createTransport(smsTransport(settings()));
    const info = await new Promise<{ accepted: string[] }>((resolve, reject) =>
      transporter.sendMail({ to: '+639171234567', text: 'cb' }, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
    expect(info.accepted).toEqual(['639171234567']);
    transporter.close();
  });

  it('verifies credentials and reports the balance, promise and callback style', async () => {
    const good = nodemailer.createTransport(smsTransport(settings()));
    expect(await good.verify()).toEqual({ ok: true, provider: 'sjroom', balance: '1000.0000' });
    const bad = nodemailer.createTransport(
      smsTransport({ ...settings(), password: 'wrong-pw-canary' }),
    );
    const error = await new Promise<Error & { code?: string }>((resolve) =>
      bad.verify((e) => resolve(e as Error)),
    );
    expect(error.code).toBe('EAUTH');
    expect(error.message).not.toContain('wrong-pw-canary');
    expect(String((error.cause as Error).message)).not.toContain('wrong-pw-canary');
    good.close();
    bad.close();
  });

  it('applies nodemailer defaults and a compile plugin (a template step)', async () => {
    const transporter = nodemailer.createTransport(smsTransport(settings()), {
      to: '+639171234567',
    });
    transporter.use('compile', (mail, done) => {
      const data = mail.data as {
        template?: string;
        context?: Record<string, string>;
        text?: string;
      };
      if (data.template)
        data.text = data.template.replace(
          /\{\{(\w+)\}\}/g,
          (_, key: string) => data.context?.[key] ?? '',
        );
      done();
    });
    await transporter.sendMail({
      template: 'Hi {{name}}, code {{code}}',
      context: { name: 'Ann', code: '77' },
    } as object);
    expect((await messages())[0]?.text).toBe('Hi Ann, code 77');
    transporter.close();
  });

  it('surfaces a provider fault from the mock as a nodemailer error with the core error as cause', async () => {
    await env.faults([{ type: 'state-code', stateCode: '402', endpoint: 'submit' }]);
    const transporter = nodemailer.createTransport(smsTransport(settings()));
    const error = await transporter
      .sendMail({ to: '+639171234567', text: 'x' })
      .catch((e: unknown) => e as Error & { code: string });
    expect(error).toMatchObject({ code: 'EBALANCE' });
    expect((error as Error).cause).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    transporter.close();
  });

  it('sends through an existing SmsTransport (a FakeTransport)', async () => {
    const fake = new FakeTransport();
    const transporter = nodemailer.createTransport(smsTransport({ transport: fake }));
    const info = await transporter.sendMail({ to: '+447400123456', text: 'fake' });
    expect(info.messageId).toBe('fake-1');
    expect(fake.submits[0]).toMatchObject({ phones: ['447400123456'], text: 'fake' });
    expect(transporter.isIdle()).toBe(true);
  });
});
