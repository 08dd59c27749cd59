import { Decimal, smartEncode } from '@intl-sms/core';
import { mockInspector } from '@intl-sms/mock-server/testing';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import type { SmsMailOptions } from './adapter-options.js';
import { createTransport } from './create-transport.js';
import type { SmsSentInfo } from './send-mail.js';
import { smsTransport } from './sms-transport-plugin.js';
import { useMock } from './test-support/mock.js';

const env = useMock();

/** 140 characters with curly quotes and an em dash: UCS-2 as written, one GSM-7 segment smart encoded. */
const TEXT =
  'Your order “A-1024” is ready — pick it up at the counter today before 6pm. Show this message and your ID; thanks for shopping with us!!'.padEnd(
    140,
    '.',
  );

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

const balance = async () => Decimal.parse((await mockInspector(env.url).account('demo')).balance);

describe.each(Object.keys(senders))('%s: smart encoding and maxCost', (name) => {
  const send = senders[name] as (typeof senders)[string];

  it('sends the 140-character text as one GSM-7 segment with smartEncoding, as UCS-2 without', async () => {
    expect([...TEXT]).toHaveLength(140);
    const before = await balance();
    const smart = await send(
      { ...env.settings(), smartEncoding: true },
      { to: '+639171234567', text: TEXT },
    );
    const [sent] = await mockInspector(env.url).allMessages();
    expect(sent).toMatchObject({ encoding: 'GSM-7', segments: 1, text: smartEncode(TEXT).text });
    expect(smart).toMatchObject({ text: sent?.text, smartEncoded: true, segments: 1 });
    const middle = await balance();
    expect(before.subtract(middle).toString()).toBe(
      Decimal.parse(smart.totalCost).rescale(before.scale).toString(),
    );

    const plain = await send(env.settings(), { to: '+639171234567', text: TEXT });
    const [latest] = await mockInspector(env.url).allMessages();
    expect(latest).toMatchObject({ encoding: 'UCS-2', text: TEXT });
    expect(latest?.segments).toBeGreaterThan(1);
    expect(plain).toMatchObject({ text: TEXT, smartEncoded: false, segments: latest?.segments });
    expect(middle.subtract(await balance()).compare(Decimal.parse(plain.totalCost))).toBe(0);
  });

  it("a mail's own smartEncoding and maxCost override the options", async () => {
    const info = await send(
      { ...env.settings(), smartEncoding: false, maxCost: '0' },
      { to: '+639171234567', text: TEXT, smartEncoding: true, maxCost: '1' },
    );
    expect(info.smartEncoded).toBe(true);
    expect((await mockInspector(env.url).allMessages())[0]?.encoding).toBe('GSM-7');
  });

  it('refuses a mail over maxCost with EBUDGET: nothing sent, balance unchanged', async () => {
    const before = await balance();
    await expect(
      send({ ...env.settings(), maxCost: '0.01' }, { to: '+639171234567', text: TEXT }),
    ).rejects.toMatchObject({
      code: 'EBUDGET',
      cause: { code: 'BUDGET_EXCEEDED', maxCost: '0.01' },
    });
    expect(await mockInspector(env.url).allMessages()).toEqual([]);
    expect((await balance()).compare(before)).toBe(0);
  });

  it('refuses a malformed maxCost or smartEncoding by name', async () => {
    await expect(
      send(env.settings(), { to: '+639171234567', text: 'x', maxCost: '1,50' }),
    ).rejects.toMatchObject({ code: 'EMESSAGE', message: expect.stringMatching(/maxCost/) });
    await expect(
      send(env.settings(), { to: '+639171234567', text: 'x', smartEncoding: 'yes' }),
    ).rejects.toMatchObject({ code: 'EMESSAGE', message: expect.stringMatching(/smartEncoding/) });
    expect(await mockInspector(env.url).allMessages()).toEqual([]);
  });
});

describe('options', () => {
  it('refuses a bad maxCost or smartEncoding when the transport is created', () => {
    expect(() => smsTransport({ ...env.settings(), maxCost: -1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'maxCost' }),
    );
    expect(() => createTransport({ ...env.settings(), smartEncoding: 'on' as never })).toThrow(
      expect.objectContaining({ field: 'smartEncoding' }),
    );
  });
});
