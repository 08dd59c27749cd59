import { describe, expect, it } from 'vitest';
import {
  ChannelUnavailableError,
  InsufficientBalanceError,
  InvalidRecipientsError,
} from '../errors/index.js';
import { Decimal } from '../money/decimal.js';
import { philippineNumbers, useMockServer } from '../test-support/mock-server.js';

const env = useMockServer();

describe('send: routing to channels', () => {
  it('splits a send to several countries into one submit per channel, cheapest first', async () => {
    const sms = env.transport();
    const result = await sms.send({
      to: ['+639171234567', '+447400123456', '+6591234567'],
      text: 'hello world',
    });
    expect(result.batches).toHaveLength(3);
    const received = await env.received();
    for (const [phone, code] of [
      ['639171234567', '63'],
      ['447400123456', '44'],
      ['6591234567', '65'],
    ]) {
      const cheapest = env
        .enabled(code as string)
        .sort((a, b) => Decimal.parse(a.price).compare(Decimal.parse(b.price)))[0];
      expect(received.find((r) => r.phone === phone)?.channelId).toBe(cheapest?.id);
    }
    await sms.close();
  });

  it('honours a per-country preference and an explicit channelId', async () => {
    const samples: Record<string, string> = {
      '63': '+639171234567',
      '44': '+447400123456',
      '82': '+821012345678',
      '81': '+819012345678',
      '49': '+4915123456789',
      '33': '+33612345678',
      '91': '+919876543210',
      '62': '+6281234567890',
      '60': '+60123456789',
      '66': '+66812345678',
      '84': '+84912345678',
      '55': '+5511912345678',
      '65': '+6591234567',
      '1': '+12025550123',
    };
    const code = Object.keys(samples).find((c) => env.enabled(c).length === 2);
    expect(code).toBeDefined();
    const [cheaper, dearer] = env
      .enabled(code as string)
      .sort((a, b) => Decimal.parse(a.price).compare(Decimal.parse(b.price)));
    const sample = samples[code as string] as string;
    const preferring = env.transport({
      channelPreferences: { [code as string]: Number(dearer?.id) },
    });
    await preferring.send({ to: sample, text: 'preferred' });
    const routed = env.transport();
    await routed.send({ to: sample, text: 'cheapest' });
    await routed.send({ to: sample, text: 'explicit', channelId: Number(dearer?.id) });
    const byText = async (text: string) => {
      const { messages } = await env.inject('GET', '/__mock/messages?recipients=false');
      return messages.find((m: { text: string }) => m.text === text)?.channelId;
    };
    expect(await byText('preferred')).toBe(dearer?.id);
    expect(await byText('cheapest')).toBe(cheaper?.id);
    expect(await byText('explicit')).toBe(dearer?.id);
    await Promise.all([preferring.close(), routed.close()]);
  });

  it('names a country without a channel and lists those that have one', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', {
      channels: env.enabled('63').map((c) => c.id),
    });
    const sms = env.transport();
    const error = await sms.send({ to: ['+447400123456'], text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelUnavailableError);
    expect(error).toMatchObject({ country: '+44 (GB)', availableCountries: ['+63 Philippines'] });
    expect((error as Error).message).toContain('+44 (GB)');
    await sms.close();
  });

  it('refreshes the channel cache and re-routes when a channel is refused', async () => {
    const sms = env.transport({ channelCacheTtlMs: 60_000 });
    const [first, second] =
      env.enabled('63').length > 1 ? env.enabled('63') : [env.enabled('63')[0], undefined];
    await sms.send({ to: '+639171234567', text: 'warm the cache' });
    if (!second) return expect(first).toBeDefined();
    const used = (await env.received())[0]?.channelId;
    const other = used === first?.id ? second : first;
    await env.inject('PUT', '/__mock/accounts/demo', { channels: [other?.id] });
    const result = await sms.send({ to: '+639181234567', text: 'after the change' });
    expect(result.batches[0]?.channelId).toBe(Number(other?.id));
    await sms.close();
  });
});

describe('send: batching, invalid numbers, duplicates', () => {
  it('splits 25,000 numbers for one channel into submits of at most 10,000', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '100000' });
    const sms = env.transport();
    const phones = philippineNumbers(25_000);
    const result = await sms.send({ to: phones.map((p) => `+${p}`), text: 'bulk' });
    expect(result.batches.map((b) => b.recipients.length)).toEqual([10_000, 10_000, 5_000]);
    const received = await env.received();
    expect(received).toHaveLength(25_000);
    expect(new Set(received.map((r) => r.phone)).size).toBe(25_000);
    await sms.close();
  });

  it('uses a smaller submit size when configured', async () => {
    const sms = env.transport({ maxPhonesPerSubmit: 2 });
    const result = await sms.send({ to: philippineNumbers(5).map((p) => `+${p}`), text: 'small' });
    expect(result.batches.map((b) => b.recipients.length)).toEqual([2, 2, 1]);
    await sms.close();
  });

  it('rejects the whole send for invalid numbers by default, naming each', async () => {
    const sms = env.transport();
    const error = await sms
      .send({ to: ['+639171234567', '12', '+999 123', '+639181234567'], text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecipientsError);
    expect((error as InvalidRecipientsError).rejected.map((r) => [r.index, r.input])).toEqual([
      [1, '12'],
      [2, '+999 123'],
    ]);
    expect((error as InvalidRecipientsError).field).toBe('to[1]');
    expect(await env.received()).toEqual([]);
    await sms.close();
  });

  it('sends to the valid numbers with onInvalid: skip, reporting each outcome', async () => {
    const sms = env.transport({ onInvalid: 'skip' });
    const result = await sms.send({
      to: ['+639171234567', 'nope', '0917 123 4567', '+63 917 123 4567'],
      text: 'x',
    });
    expect(result.recipients.map((r) => r.state)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'duplicate',
    ]);
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'contains characters other than digits',
      'national number: give defaultCountry or a + prefix',
    ]);
    expect(result.recipients[0]).toMatchObject({ phone: '639171234567', batchId: result.id });
    await sms.close();
  });

  it('reads national numbers with defaultCountry, and keeps repeats with dedupe: false', async () => {
    const sms = env.transport({ defaultCountry: 'PH' });
    const result = await sms.send({
      to: ['0917 123 4567', '+639171234567'],
      text: 'x',
      dedupe: false,
    });
    expect(result.accepted).toEqual(['639171234567', '639171234567']);
    await sms.close();
  });
});

describe('estimate and checkBalance', () => {
  it('estimates encoding, segments and exact cost per channel, matching what the mock charges', async () => {
    const sms = env.transport();
    const message = {
      to: ['+639171234567', '+639181234567', '+447400123456'],
      text: '验证码 4242 '.repeat(10),
    };
    const estimate = await sms.estimate(message);
    expect(estimate).toMatchObject({
      encoding: 'UCS-2',
      segments: 2,
      recipients: 3,
      complete: true,
    });
    expect(estimate.nonGsmCharacters).toEqual(['验', '证', '码']);
    expect(estimate.channels).toHaveLength(2);
    const before = await sms.getBalance();
    await sms.send(message);
    const after = await sms.getBalance();
    expect(before.value.subtract(after.value).toString()).toBe(
      Decimal.parse(estimate.totalCost).rescale(4).toString(),
    );
    await sms.close();
  });

  it('refuses before submitting when the estimate exceeds the balance, showing both amounts', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '0.0100' });
    const sms = env.transport();
    const error = await sms
      .send({ to: '+639171234567', text: 'x'.repeat(400), checkBalance: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientBalanceError);
    expect(error).toMatchObject({ balance: '0.0100' });
    expect(
      Decimal.parse((error as InsufficientBalanceError).required ?? '0').compare(
        Decimal.parse('0.0100'),
      ),
    ).toBe(1);
    expect((await env.inject('GET', '/__mock/health')).messages).toBe(0);
    await sms.close();
  });
});
