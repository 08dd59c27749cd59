import { DEMO_CREDENTIALS, type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ChannelUnavailableError,
  InsufficientBalanceError,
  SubmitOutcomeUnknownError,
  ValidationError,
} from '../../errors/index.js';
import { Decimal } from '../../money/decimal.js';
import type { Channel } from '../../transport/channel.js';
import { createSjroomTransport } from './create-sjroom-transport.js';
import type { SjroomTransport } from './sjroom-transport.js';

let mock: RunningMockServer;
let sms: SjroomTransport;
let philippines: Channel;

beforeAll(async () => {
  mock = await startMockServer({ receiptDelay: { minMs: 0, maxMs: 1000 } });
  sms = createSjroomTransport({
    ...DEMO_CREDENTIALS,
    baseUrl: mock.url,
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
  });
  const channels = await sms.listChannels();
  const found = channels.find((channel) => channel.enabled && channel.countryCode === '63');
  if (!found) throw new Error('mock has no +63 channel');
  philippines = found;
});
afterAll(async () => {
  await sms.close();
  await mock.close();
});
afterEach(async () => {
  await mock.app.inject({
    method: 'POST',
    url: '/__mock/reset',
    headers: { 'content-type': 'application/json' },
  });
});

async function recordedBatches(): Promise<{ batchNo: string; recipientCount: number }[]> {
  const response = await mock.app.inject({
    method: 'GET',
    url: '/__mock/messages?recipients=false',
  });
  return response.json().messages;
}

describe('sjroom transport against the mock server', () => {
  it('lists channels mapped to the provider-agnostic shape', async () => {
    const channels = await sms.listChannels();
    expect(channels.length).toBeGreaterThanOrEqual(30);
    expect(philippines).toMatchObject({
      countryCode: '63',
      nameEn: 'Philippines',
      nameZh: '菲律宾',
      enabled: true,
    });
    expect(philippines.price).toMatch(/^0\.0\d{1,3}$/);
    expect(channels.some((channel) => !channel.enabled)).toBe(true);
  });

  it('sends, follows receipts to completion, and charges exactly price × segments × recipients', async () => {
    const before = await sms.getBalance();
    const result = await sms.send({
      channelId: philippines.id,
      to: ['+63 917 123 4567', '0063 918 765 4321', '+639171234567'],
      text: 'hello',
    });
    expect(result.accepted).toEqual(['639171234567', '639187654321']);
    expect(result.rejected).toEqual([]);
    expect(result.duplicates).toEqual([
      { index: 2, input: '+639171234567', reason: 'duplicate of to[0]' },
    ]);
    expect(await recordedBatches()).toEqual([
      expect.objectContaining({ batchNo: result.id, recipientCount: 2 }),
    ]);

    await mock.app.inject({ method: 'PUT', url: '/__mock/clock', payload: { speed: 0 } });
    await mock.app.inject({ method: 'PUT', url: '/__mock/clock', payload: { advanceMs: 5_000 } });
    const report = await sms.getDeliveryReport(result.id);
    expect(report).toMatchObject({ delivered: 2, failed: 0, pending: 0, complete: true });

    const after = await sms.getBalance();
    const charged = before.value.subtract(after.value);
    expect(charged.equals(Decimal.parse(philippines.price).multiply(2))).toBe(true);
  });

  it('shows pending numbers until their receipts arrive', async () => {
    await mock.app.inject({ method: 'PUT', url: '/__mock/clock', payload: { speed: 0 } });
    const result = await sms.send({
      channelId: philippines.id,
      to: ['+639171234567', '+639170000001', '+639170000002'],
      text: 'x',
    });
    const early = await sms.getDeliveryReport(result.id);
    expect(early).toMatchObject({ delivered: 0, failed: 0, pending: 3, complete: false });
    await mock.app.inject({ method: 'PUT', url: '/__mock/clock', payload: { advanceMs: 60_000 } });
    const late = await sms.getDeliveryReport(result.id);
    expect(late).toMatchObject({ delivered: 1, failed: 1, pending: 1, complete: false });
    expect(late.recipients).toEqual(
      expect.arrayContaining([
        { phone: '639171234567', status: 'delivered' },
        { phone: '639170000001', status: 'failed' },
        { phone: '639170000002', status: 'pending' },
      ]),
    );
  });

  it('surfaces each business failure as its typed error, charging nothing', async () => {
    const before = (await sms.getBalance()).amount;
    const wrongPassword = createSjroomTransport({
      account: 'demo',
      password: 'nope',
      baseUrl: mock.url,
    });
    await expect(wrongPassword.getBalance()).rejects.toBeInstanceOf(AuthenticationError);
    await wrongPassword.close();

    const invalid = await sms
      .send({ channelId: philippines.id, to: ['+639170000003'], text: 'x' })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).toMatchObject({ field: 'phone' });

    const wrongCountry = await sms
      .send({ channelId: philippines.id, to: ['+447400123456'], text: 'x' })
      .catch((e: unknown) => e);
    expect(wrongCountry).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });

    const disabled = (await sms.listChannels()).find((channel) => !channel.enabled);
    await expect(
      sms.send({ channelId: disabled?.id ?? 0, to: ['+639171234567'], text: 'x' }),
    ).rejects.toBeInstanceOf(ChannelUnavailableError);

    await mock.app.inject({
      method: 'PUT',
      url: '/__mock/accounts/demo',
      payload: { balance: '0.0001' },
    });
    await expect(
      sms.send({ channelId: philippines.id, to: ['+639171234567'], text: 'x' }),
    ).rejects.toBeInstanceOf(InsufficientBalanceError);
    await mock.app.inject({
      method: 'PUT',
      url: '/__mock/accounts/demo',
      payload: { balance: before },
    });
    expect((await sms.getBalance()).amount).toBe(before);
    expect(await recordedBatches()).toEqual([]);
  });

  it('never submits twice when the connection resets after the mock processed the submit', async () => {
    await mock.app.inject({
      method: 'PUT',
      url: '/__mock/faults',
      payload: [{ type: 'reset', endpoint: 'submit', times: 1 }],
    });
    const error = await sms
      .send({ channelId: philippines.id, to: ['+639171234567'], text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(await recordedBatches()).toHaveLength(1);
  });

  it('retries reads through injected 503s and dropped connections', async () => {
    await mock.app.inject({
      method: 'PUT',
      url: '/__mock/faults',
      payload: [
        { type: 'http-status', status: 503, endpoint: 'balance', times: 1 },
        { type: 'drop', endpoint: 'balance', times: 1 },
      ],
    });
    expect((await sms.getBalance()).amount).toBe('1000.0000');
  });

  it('keeps int64 channel ids above 2^53 exact end to end', async () => {
    const big = await startMockServer({ bigIds: true, receiptDelay: 0 });
    const transport = createSjroomTransport({ ...DEMO_CREDENTIALS, baseUrl: big.url });
    try {
      const channel = (await transport.listChannels()).find(
        (c) => c.enabled && c.countryCode === '44',
      );
      expect(typeof channel?.id).toBe('string');
      expect(BigInt(channel?.id ?? 0) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      const result = await transport.send({
        channelId: channel?.id ?? 0,
        to: ['+447400123456'],
        text: 'big id',
      });
      const recorded = await big.app.inject({
        method: 'GET',
        url: `/__mock/messages/${result.id}`,
      });
      expect(recorded.json().channelId).toBe(channel?.id);
    } finally {
      await transport.close();
      await big.close();
    }
  });
});
