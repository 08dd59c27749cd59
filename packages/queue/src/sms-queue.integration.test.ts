import { Readable } from 'node:stream';
import { createSjroomTransport } from '@intl-sms/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsQueue } from './create-sms-queue.js';
import { createSmsWorker } from './create-sms-worker.js';
import { eachOnce, submittedCounts } from './test-support/mock-inspection.js';
import { fiveCountries, numbers } from './test-support/numbers.js';
import { type QueueFixture, settled, startQueueFixture } from './test-support/queue-fixture.js';

let fx: QueueFixture;
beforeAll(async () => {
  fx = await startQueueFixture();
});
afterAll(async () => {
  await fx?.close();
});

describe('a campaign through the queue and one in-process worker', () => {
  it('submits every valid recipient once, refuses the rest up front, and tracks receipts', async () => {
    await fx.control.clearMessages();
    const queue = fx.queue();
    fx.worker();
    const good = fiveCountries(300);
    const recipients = [
      ...good,
      'not a number',
      '+52 55 1234 5678', // Mexico: the demo account's only channel there is disabled
      '+639170000001', // the mock's magic number: accepted, receipt says failed
    ];
    const result = await queue.enqueueCampaign({
      campaignId: 'spring-sale',
      recipients,
      text: 'Spring sale: 20% off today',
      chunkSize: 200,
      phoneValidation: 'possible',
    });
    expect(result).toMatchObject({ created: true, recipients: 1503, rejected: 2 });
    expect(result.chunks).toBe(10); // 5 countries x 300 = 2 chunks each (PH: 301)

    expect((await settled(queue, 'spring-sale'))?.state).toBe('completed');
    const status = await queue.getCampaign('spring-sale');
    expect(status?.counts).toMatchObject({
      queued: 0,
      accepted: 1501,
      rejected: 2,
      failed: 0,
      unknown: 0,
      delivered: 1500,
      undelivered: 1,
      deliveryPending: 0,
    });
    expect(status?.progress).toEqual({ done: 1503, total: 1503 });
    const kinds = status?.failures.items.map((f) => [f.index, f.kind, f.code]);
    expect(kinds).toEqual([
      [1500, 'invalid', 'INVALID_NUMBER'],
      [1501, 'rejected', 'NO_CHANNEL'],
      [1502, 'undelivered', 'DELIVERY_FAILED'],
    ]);

    const batches = await queue.getCampaignBatches('spring-sale');
    expect(batches).toHaveLength(10);
    expect(batches.reduce((sum, b) => sum + b.size, 0)).toBe(1501);
    expect(batches.every((b) => b.final && b.delivered + b.failed === b.size)).toBe(true);
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(1501);
    expect(eachOnce(counts)).toBe(true);
    expect(counts.get('639170000001')).toBe(1);
  });

  it('adds nothing when the same campaign is enqueued twice, even while it runs', async () => {
    await fx.control.clearMessages();
    const queue = fx.queue();
    const input = {
      campaignId: 'twice',
      recipients: numbers('+447400', 1_000, 6),
      text: 'Your code is 1234',
      chunkSize: 100,
    };
    const first = await queue.enqueueCampaign(input);
    const second = await queue.enqueueCampaign(input);
    expect(first).toMatchObject({ created: true, chunks: 10, recipients: 1000 });
    expect(second).toMatchObject({ created: false, chunks: 10, recipients: 1000 });
    expect(await queue.bullQueue.getWaitingCount()).toBe(10);
    fx.worker();
    await settled(queue, 'twice', 'sent');
    await queue.enqueueCampaign(input);
    const status = await settled(queue, 'twice');
    expect(status?.counts.accepted).toBe(1000);
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(1000);
    expect(eachOnce(counts)).toBe(true);
  });

  it('groups per-recipient texts into one submit per country and text', async () => {
    await fx.control.clearMessages();
    const queue = fx.queue();
    fx.worker();
    const uk = numbers('+447400', 4, 6, 500);
    const ph = numbers('+63917', 2, 7, 500);
    await queue.enqueueCampaign({
      campaignId: 'texts',
      recipients: [
        { to: uk[0] as string, text: 'Hello Ann' },
        { to: uk[1] as string },
        { to: ph[0] as string },
        { to: uk[2] as string, text: 'Hello Ann' },
        uk[3] as string,
        { to: ph[1] as string, text: '' },
      ],
      text: 'Hello there',
    });
    const status = await settled(queue, 'texts');
    expect(status?.counts.accepted).toBe(6);
    const response = await fetch(`${fx.mock.url}/__mock/messages?limit=10`);
    const page = (await response.json()) as {
      messages: { text: string; recipients: { phone: string }[] }[];
    };
    const seen = page.messages.map((m) => `${m.text}:${m.recipients.length}`).sort();
    expect(seen).toEqual(['Hello Ann:2', 'Hello there:2', 'Hello there:2']);
  });

  it('reads recipients from an object-mode stream', async () => {
    await fx.control.clearMessages();
    const queue = fx.queue();
    fx.worker();
    const recipients = Readable.from(numbers('+63917', 2_500, 7, 7_000));
    const result = await queue.enqueueCampaign({ campaignId: 'streamed', recipients, text: 'Hi' });
    expect(result).toMatchObject({ recipients: 2_500, chunks: 1 });
    expect((await settled(queue, 'streamed'))?.counts.accepted).toBe(2_500);
    expect((await submittedCounts(fx.mock.url)).size).toBe(2_500);
  });

  it('refuses bad input with a typed error naming the field', async () => {
    const queue = fx.queue();
    const bad = [
      [{ campaignId: 'a:b', recipients: [] }, 'campaignId'],
      [{ campaignId: '', recipients: [] }, 'campaignId'],
      [{ campaignId: 'ok', recipients: [], chunkSize: 10_001 }, 'chunkSize'],
      [{ campaignId: 'ok', recipients: 42 }, 'recipients'],
      [{ campaignId: 'ok', recipients: [], text: '' }, 'text'],
    ] as const;
    for (const [input, field] of bad) {
      // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
      await expect(queue.enqueueCampaign(input as any)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field,
      });
    }
    await expect(queue.pauseCampaign('nope')).rejects.toMatchObject({ code: 'CAMPAIGN_NOT_FOUND' });
    const connection = fx.redisUrl;
    for (const [settings, field] of [
      [{ concurrency: 0 }, 'concurrency'],
      [{ limiter: { max: 0, durationMs: 1_000 } }, 'limiter.max'],
      [{ lockDurationMs: -5 }, 'lockDurationMs'],
    ] as const) {
      expect(() => createSmsWorker({ connection, transport: fx.transport, ...settings })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', field }),
      );
    }
    expect(() => createSmsQueue({ connection, attempts: 0 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'attempts' }),
    );
    // A worker without credentials fails at creation, not chunk by chunk.
    expect(() => createSmsWorker({ connection: fx.redisUrl, sjroomSettings: { env: {} } })).toThrow(
      expect.objectContaining({ code: 'CONFIGURATION_INVALID' }),
    );
    expect(await queue.getCampaign('nope')).toBeUndefined();
  });

  // Counterexample of the send-path property (reliability/): a number repeated across
  // chunks went out once per chunk.
  it('sends a number repeated in several chunks once, listing the repeats as DUPLICATE', async () => {
    await fx.control.clearMessages();
    const queue = fx.queue();
    fx.worker();
    const recipients = ['+6591230010', '+65 9123 0010', '006591230010', '+447400123456'];
    const result = await queue.enqueueCampaign({
      campaignId: 'repeats',
      recipients,
      text: 'Once',
      chunkSize: 1,
    });
    expect(result).toMatchObject({ recipients: 4, rejected: 2, chunks: 2 });
    await settled(queue, 'repeats', 'sent');
    const status = await queue.getCampaign('repeats');
    expect(status?.failures.items.map((f) => [f.index, f.kind, f.code])).toEqual([
      [1, 'rejected', 'DUPLICATE'],
      [2, 'rejected', 'DUPLICATE'],
    ]);
    const counts = await submittedCounts(fx.mock.url);
    expect([...counts.entries()].sort()).toEqual([
      ['447400123456', 1],
      ['6591230010', 1],
    ]);
  });

  // Found by the hostile review: stored wire digits were read as national numbers of the
  // worker transport's defaultCountry (+49 151… went out as 49 49 151…).
  it('sends the stored number itself whatever defaultCountry the worker transport has', async () => {
    await fx.control.clearMessages();
    const queue = fx.queue();
    const german = createSjroomTransport({
      baseUrl: fx.mock.url,
      account: 'demo',
      password: 'demo-password',
      defaultCountry: 'DE',
    });
    fx.worker({ transport: german });
    await queue.enqueueCampaign({
      campaignId: 'german-default',
      recipients: ['+49 151 23456789', '+447400123456'],
      text: 'Hallo',
    });
    await settled(queue, 'german-default', 'sent');
    expect([...(await submittedCounts(fx.mock.url)).keys()].sort()).toEqual([
      '447400123456',
      '4915123456789',
    ]);
    expect((await queue.getCampaign('german-default'))?.counts.accepted).toBe(2);
    await german.close();
  });

  // Found by the hostile review: finishing an interrupted enqueue with another chunkSize
  // put a recipient in two chunks (sent twice).
  it('finishes an interrupted enqueue only with the same chunking, sending each number once', async () => {
    await fx.control.clearMessages();
    const queue = fx.queue();
    const phones = numbers('+63917', 6, 7, 3_000);
    async function* breaksAfter(count: number) {
      for (const [i, phone] of phones.entries()) {
        if (i === count) throw new Error('the source broke');
        yield phone;
      }
    }
    const input = { campaignId: 'interrupted', text: 'Once', phoneValidation: 'possible' as const };
    await expect(
      queue.enqueueCampaign({ ...input, recipients: breaksAfter(4), chunkSize: 3 }),
    ).rejects.toThrow('the source broke');
    const changed = await queue
      .enqueueCampaign({ ...input, recipients: phones, chunkSize: 2 })
      .catch((e: unknown) => e);
    expect(changed).toMatchObject({ code: 'CAMPAIGN_INPUT_MISMATCH', field: 'chunkSize' });
    const finished = await queue.enqueueCampaign({ ...input, recipients: phones, chunkSize: 3 });
    expect(finished).toMatchObject({ resumed: true, recipients: 6, chunks: 2 });
    fx.worker();
    await settled(queue, 'interrupted', 'sent');
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(6);
    expect(eachOnce(counts)).toBe(true);
  });
});
