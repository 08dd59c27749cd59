import { SubmitOutcomeUnknownError } from '@intl-sms/core';
import { FakeTransport } from '@intl-sms/core/testing';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import type { SmsMailOptions } from './adapter-options.js';
import { createTransport } from './create-transport.js';
import type { SmsSentInfo } from './send-mail.js';
import { smsTransport } from './sms-transport-plugin.js';
import { useMock } from './test-support/mock.js';

const env = useMock();
const { settings, faults } = env;

const PH = '+639171234567';
const GB = '+447400123456';
const wire = (e164: string) => e164.slice(1);

/** Sends one mail through the real nodemailer with our plugin, or through the standalone API. */
const senders: Record<string, (options: SmsMailOptions, mail: object) => Promise<SmsSentInfo>> = {
  nodemailer: async (options, mail) => {
    const transporter = nodemailer.createTransport(smsTransport(options));
    try {
      return (await transporter.sendMail(mail)) as unknown as SmsSentInfo;
    } finally {
      transporter.close();
    }
  },
  standalone: async (options, mail) => {
    const sms = createTransport(options);
    try {
      return await sms.sendMail(mail as never);
    } finally {
      await sms.close();
    }
  },
};

describe.each(Object.keys(senders))('%s: failures, partial sends and unknown outcomes', (name) => {
  const send = senders[name] as (typeof senders)[string];

  it('resolves a partial send: the refused number in rejected, wire form', async () => {
    await faults([{ type: 'state-code', stateCode: '402', endpoint: 'submit', times: 1 }]);
    const info = await send(settings(), { to: [PH, GB], text: 'partial' });
    const atMock = await env.phones();
    expect(info.accepted).toEqual(atMock);
    expect(info.pending).toEqual([]);
    expect([...info.accepted, ...info.rejected].sort()).toEqual([wire(PH), wire(GB)].sort());
    expect(info.response).toMatch(
      /^250 Accepted: 1 recipient\(s\) in 1 batch\(es\) .*; 1 rejected, 0 outcome unknown$/,
    );
  });

  it('lists a number whose submit may have been sent in pending, never in rejected', async () => {
    await faults([{ type: 'reset', endpoint: 'submit', times: 1 }]);
    const info = await send(settings(), { to: [PH, GB], text: 'one reset' });
    expect(info.rejected).toEqual([]);
    expect(info.pending).toHaveLength(1);
    expect([...info.accepted, ...info.pending].sort()).toEqual([wire(PH), wire(GB)].sort());
    // The reset came after the mock processed the submit: the pending number was sent.
    expect((await env.phones()).sort()).toEqual([wire(PH), wire(GB)].sort());
  });

  it('rejects with EOUTCOMEUNKNOWN when nothing was accepted but a submit may have been sent', async () => {
    await faults([
      { type: 'reset', endpoint: 'submit', times: 1 },
      { type: 'state-code', stateCode: '402', endpoint: 'submit', times: 1 },
    ]);
    await expect(send(settings(), { to: [PH, GB], text: 'x' })).rejects.toMatchObject({
      code: 'EOUTCOMEUNKNOWN',
      cause: { code: 'PARTIAL_SEND' },
    });
    expect(await env.phones()).toHaveLength(1);
  });

  it('rejects with EOUTCOMEUNKNOWN on stateCode 500, with the refusal code when nothing was sent', async () => {
    await faults([{ type: 'state-code', stateCode: '500', endpoint: 'submit' }]);
    await expect(send(settings(), { to: PH, text: 'x' })).rejects.toMatchObject({
      code: 'EOUTCOMEUNKNOWN',
    });
    await faults([{ type: 'state-code', stateCode: '402', endpoint: 'submit' }]);
    await expect(send(settings(), { to: [PH, GB], text: 'x' })).rejects.toMatchObject({
      code: 'EBALANCE',
      cause: { code: 'PARTIAL_SEND' },
    });
    expect(await env.phones()).toEqual([]);
  });

  it('rejects with EOUTCOMEUNKNOWN for an outcome-unknown error or a foreign one from the transport', async () => {
    const fake = new FakeTransport();
    fake.failNext(new SubmitOutcomeUnknownError([wire(PH)], 1, 'timeout'));
    await expect(send({ transport: fake }, { to: PH, text: 'x' })).rejects.toMatchObject({
      code: 'EOUTCOMEUNKNOWN',
    });
    const foreign = Object.assign(Object.create(new FakeTransport()), {
      send: async () => {
        throw new TypeError('socket hang up');
      },
    });
    const error = (await send({ transport: foreign }, { to: PH, text: 'x' }).catch(
      (e: unknown) => e,
    )) as Error & { code: string };
    expect(error).toMatchObject({ code: 'EOUTCOMEUNKNOWN', message: /may or may not/ });
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('verify never sends', () => {
  it('maps a failing balance call to a nodemailer code and leaves the mock untouched', async () => {
    await faults([{ type: 'state-code', stateCode: '500', endpoint: 'balance' }]);
    const transporter = nodemailer.createTransport(smsTransport(settings()));
    await expect(transporter.verify()).rejects.toMatchObject({ code: 'EPROVIDER' });
    await expect(createTransport(settings()).verify()).rejects.toMatchObject({
      code: 'EPROVIDER',
    });
    expect(await env.phones()).toEqual([]);
    transporter.close();
  });
});
