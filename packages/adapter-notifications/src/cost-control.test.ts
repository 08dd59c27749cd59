import { Decimal, smartEncode } from '@intl-sms/core';
import { FakeTransport } from '@intl-sms/core/testing';
import { mockInspector } from '@intl-sms/mock-server/testing';
import { describe, expect, it } from 'vitest';
import { IntlSmsNotificationProviderService } from './medusa/index.js';
import { createSmsNotifier } from './notifier/create-sms-notifier.js';
import { createNotifmeSmsProvider } from './notifme/index.js';
import { createNovuSmsProvider } from './novu/index.js';
import { useMock } from './test-support/mock.js';
import { notifmeSdk } from './test-support/notifme.js';

const env = useMock();
const PH = '+639171234567';

/** 140 characters with curly quotes and an em dash: UCS-2 as written, one GSM-7 segment smart encoded. */
const TEXT =
  'Your order “A-1024” is ready — pick it up at the counter today before 6pm. Show this message and your ID; thanks for shopping with us!!'.padEnd(
    140,
    '.',
  );

const inspector = () => mockInspector(env.mock);
const balance = async () => Decimal.parse((await inspector().account('demo')).balance);
const logger = () => {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  return { lines, logger: { info: log, warn: log } as never };
};

describe('createSmsNotifier: smartEncoding and maxCost', () => {
  it('sends the 140-character text as one GSM-7 segment with smartEncoding, UCS-2 without; totalCost is the balance moved', async () => {
    expect([...TEXT]).toHaveLength(140);
    const notifier = createSmsNotifier(env.settings(), { smartEncoding: true });
    try {
      const before = await balance();
      const smart = await notifier.notify({ to: PH, text: TEXT });
      const [sent] = await inspector().allMessages();
      expect(sent).toMatchObject({ encoding: 'GSM-7', segments: 1, text: smartEncode(TEXT).text });
      expect(smart).toMatchObject({ text: sent?.text, smartEncoded: true, segments: 1 });
      const middle = await balance();
      expect(before.subtract(middle).compare(Decimal.parse(smart.totalCost))).toBe(0);

      const plain = await notifier.notify({ to: PH, text: TEXT, smartEncoding: false });
      const [latest] = await inspector().allMessages();
      expect(latest).toMatchObject({ encoding: 'UCS-2', text: TEXT });
      expect(latest?.segments).toBeGreaterThan(1);
      expect(plain).toMatchObject({ text: TEXT, smartEncoded: false, segments: latest?.segments });
      expect(middle.subtract(await balance()).compare(Decimal.parse(plain.totalCost))).toBe(0);
    } finally {
      await notifier.close();
    }
  });

  it('refuses a notification over maxCost: outcome refused, safe to retry, nothing sent', async () => {
    const notifier = createSmsNotifier(env.settings(), { maxCost: '0.01' });
    try {
      const before = await balance();
      await expect(notifier.notify({ to: PH, text: TEXT })).rejects.toMatchObject({
        code: 'BUDGET_EXCEEDED',
        outcome: 'refused',
        safeToRetry: true,
        cause: { maxCost: '0.01' },
      });
      expect(await inspector().allMessages()).toEqual([]);
      expect((await balance()).compare(before)).toBe(0);
      // The notification's own cap overrides the notifier's.
      await notifier.notify({ to: PH, text: TEXT, maxCost: '1' });
      expect(await inspector().allMessages()).toHaveLength(1);
    } finally {
      await notifier.close();
    }
  });

  it('refuses bad options by name', () => {
    expect(() => createSmsNotifier(env.settings(), { maxCost: 'ten' })).toThrow(
      expect.objectContaining({ field: 'maxCost' }),
    );
    expect(() => createSmsNotifier(env.settings(), { smartEncoding: 1 as never })).toThrow(
      expect.objectContaining({ field: 'smartEncoding' }),
    );
  });
});

describe('notifme (real notifme-sdk)', () => {
  it('smart encodes with the provider option', async () => {
    const result = await notifmeSdk([
      createNotifmeSmsProvider(env.settings(), { smartEncoding: true }),
    ]).send({ sms: { from: 'Acme', to: PH, text: TEXT } });
    const [sent] = await inspector().allMessages();
    expect(result.channels?.sms?.id).toBe(sent?.batchNo);
    expect(sent).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('falls back after a budget refusal: nothing reached the mock, the backup sends', async () => {
    const before = await balance();
    const backup = new FakeTransport();
    const incomplete: unknown[] = [];
    const result = await notifmeSdk([
      createNotifmeSmsProvider(env.settings(), {
        id: 'capped',
        maxCost: '0.01',
        onIncompleteSend: (event) => {
          incomplete.push(event);
        },
      }),
      createNotifmeSmsProvider(backup, { id: 'backup' }),
    ]).send({ sms: { from: 'Acme', to: PH, text: TEXT } });
    expect(result).toEqual({
      status: 'success',
      channels: { sms: { id: 'fake-1', providerId: 'backup' } },
    });
    expect(incomplete).toEqual([]);
    expect(await inspector().allMessages()).toEqual([]);
    expect((await balance()).compare(before)).toBe(0);
  });
});

describe('Medusa provider (real @medusajs/framework)', () => {
  it('smart encodes and logs the cost', async () => {
    const { lines, logger: log } = logger();
    const provider = new IntlSmsNotificationProviderService(
      { logger: log },
      { ...env.settings(), smartEncoding: true },
    );
    const { id } = await provider.send({
      to: PH,
      channel: 'sms',
      content: { text: TEXT },
    } as never);
    const [sent] = await inspector().allMessages();
    expect(id).toBe(sent?.batchNo);
    expect(sent).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(lines.join('\n')).toContain(`cost ${sent?.cost}`);
  });

  it('rejects a send over maxCost as a refusal (Medusa marks it failure): nothing sent', async () => {
    const { lines, logger: log } = logger();
    const provider = new IntlSmsNotificationProviderService(
      { logger: log },
      { ...env.settings(), maxCost: '0.01' },
    );
    await expect(
      provider.send({ to: PH, channel: 'sms', content: { text: TEXT } } as never),
    ).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED', outcome: 'refused' });
    expect(await inspector().allMessages()).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('validateOptions refuses a bad maxCost or smartEncoding', () => {
    const options = { account: 'a', password: 'p' };
    expect(() =>
      IntlSmsNotificationProviderService.validateOptions({ ...options, maxCost: '-1' }),
    ).toThrow(/maxCost/);
    expect(() =>
      IntlSmsNotificationProviderService.validateOptions({ ...options, smartEncoding: 'yes' }),
    ).toThrow(/smartEncoding/);
    expect(() =>
      IntlSmsNotificationProviderService.validateOptions({
        ...options,
        maxCost: '0.50',
        smartEncoding: true,
      }),
    ).not.toThrow();
  });
});

describe('Novu provider', () => {
  it('smart encodes with the provider option', async () => {
    const provider = createNovuSmsProvider(env.settings(), { smartEncoding: true });
    const { id } = await provider.sendMessage({ to: PH, content: TEXT });
    const [sent] = await inspector().allMessages();
    expect(id).toBe(sent?.batchNo);
    expect(sent).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('rejects a send over maxCost (a refusal, not an unknown outcome): nothing sent', async () => {
    const provider = createNovuSmsProvider(env.settings(), { maxCost: 0.01 });
    await expect(provider.sendMessage({ to: PH, content: TEXT })).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
      outcome: 'refused',
    });
    expect(await inspector().allMessages()).toEqual([]);
  });
});
