import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsQueue } from './create-sms-queue.js';
import { createSmsWorker } from './create-sms-worker.js';
import { submittedCounts } from './test-support/mock-inspection.js';
import { numbers } from './test-support/numbers.js';
import { type QueueFixture, settled, startQueueFixture } from './test-support/queue-fixture.js';

let fx: QueueFixture;
beforeAll(async () => {
  fx = await startQueueFixture();
});
afterAll(async () => {
  await fx?.close();
});

/** A `ValidationError` naming `field`. */
const refused = (field: string) => expect.objectContaining({ code: 'VALIDATION_FAILED', field });

// biome-ignore lint/suspicious/noExplicitAny: the inputs below are deliberately wrong, as a JavaScript caller might pass them
type Loose = any;

describe('the Redis connection is required', () => {
  const missing: [string, unknown][] = [
    ['undefined (REDIS_URL unset)', undefined],
    ['an empty string', ''],
    ['blanks', '  '],
    ['null', null],
    ['a number', 6379],
    ['options naming no Redis', {}],
    ['options whose host is unset', { host: undefined, password: 'secret' }],
  ];
  it.each(missing)(
    'refuses %s for the queue and the worker, before connecting',
    (_, connection) => {
      expect(() => createSmsQueue({ connection } as Loose)).toThrow(refused('connection'));
      expect(() => createSmsWorker({ connection, transport: fx.transport } as Loose)).toThrow(
        refused('connection'),
      );
    },
  );

  it('refuses a call without settings, and never repeats a URL (it may hold a password)', () => {
    expect(() => (createSmsQueue as Loose)()).toThrow(refused('connection'));
    let message = '';
    try {
      (createSmsQueue as Loose)('redis://user:s3cret@redis.internal:6379');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/must be an object/);
    expect(message).not.toMatch(/s3cret/);
  });
});

describe('every option is honoured or refused by name', () => {
  it('queue and worker settings: unknown keys, nested keys, conflicts and bad values', () => {
    const connection = fx.redisUrl;
    const transport = fx.transport;
    const queueCases: [Loose, string][] = [
      [{ connection, atempts: 3 }, 'atempts'],
      [{ connection, checkRoutes: 'yes' }, 'checkRoutes'],
      [{ connection, name: 'a:b' }, 'name'],
      [{ connection, prefix: '' }, 'prefix'],
      [{ connection, onError: 'console' }, 'onError'],
      [{ connection, transport, sjroomSettings: {} }, 'sjroomSettings'],
      [{ connection, transport: {} }, 'transport'],
    ];
    for (const [settings, field] of queueCases)
      expect(() => createSmsQueue(settings), field).toThrow(refused(field));
    const workerCases: [Loose, string][] = [
      [{ concurency: 2 }, 'concurency'],
      [{ limiter: { max: 5, durationMs: 1_000, burst: 2 } }, 'limiter.burst'],
      [{ limiter: { max: 5 } }, 'limiter.durationMs'],
      [{ receipts: { firstPoll: 100 } }, 'receipts.firstPoll'],
      [{ receipts: { firstPollMs: 0 } }, 'receipts.firstPollMs'],
      [{ receipts: true }, 'receipts'],
      [{ sweepIntervalMs: 0 }, 'sweepIntervalMs'],
      [{ sjroomSettings: {} }, 'sjroomSettings'],
    ];
    for (const [settings, field] of workerCases)
      expect(() => createSmsWorker({ connection, transport, ...settings }), field).toThrow(
        refused(field),
      );
    // A typo says what was meant.
    expect(() => createSmsQueue({ connection, retryDelay: 5 } as Loose)).toThrow(
      /did you mean retryDelayMs/,
    );
  });

  it('enqueueCampaign: unknown keys and bad values are refused before anything is stored', async () => {
    const queue = fx.queue();
    const base = { campaignId: 'refused', recipients: ['+447400123456'], text: 'Hi' };
    const cases: [Loose, string][] = [
      [{ ...base, chunksize: 100 }, 'chunksize'],
      [{ ...base, phoneValidation: 'strict' }, 'phoneValidation'],
      [{ ...base, defaultCountry: 'XX' }, 'defaultCountry'],
      [{ ...base, channelId: 'ten' }, 'channelId'],
      [{ ...base, maxBuffered: 100 }, 'maxBuffered'], // below chunkSize: chunks could never fill
      [{ ...base, recipients: { to: '+447400123456' } }, 'recipients'],
      [undefined, 'input'],
    ];
    for (const [input, field] of cases)
      await expect(queue.enqueueCampaign(input), field).rejects.toMatchObject({ field });
    await expect(queue.enqueueCampaign({ ...base, chunksize: 100 } as Loose)).rejects.toThrow(
      /did you mean chunkSize/,
    );
    expect(await queue.listCampaigns()).toEqual([]);
  });

  it('getCampaign, watchCampaign, reconcile and close refuse unknown options', async () => {
    const queue = fx.queue();
    await expect(queue.getCampaign('c', { limt: 5 } as Loose)).rejects.toMatchObject({
      field: 'limt',
    });
    await expect(queue.getCampaign('c', { offset: -1 })).rejects.toMatchObject({ field: 'offset' });
    const watch = (options: Loose) => queue.watchCampaign('c', options).next();
    await expect(watch({ untill: 'sent' })).rejects.toMatchObject({ field: 'untill' });
    await expect(watch({ until: 'done' })).rejects.toMatchObject({ field: 'until' });
    await expect(watch({ intervalMs: 0 })).rejects.toMatchObject({ field: 'intervalMs' });
    await expect(watch({ signal: 'stop' })).rejects.toMatchObject({ field: 'signal' });
    await expect(queue.reconcile('c', { decide: 'sent' } as Loose)).rejects.toMatchObject({
      field: 'decide',
    });
    await expect(queue.reconcile('c', { minAge: 0 } as Loose)).rejects.toMatchObject({
      field: 'minAge',
    });
    await expect(queue.close({ timeout: 5 } as Loose)).rejects.toMatchObject({ field: 'timeout' });
    await expect(queue.close({ timeoutMs: -1 })).rejects.toMatchObject({ field: 'timeoutMs' });
    const worker = fx.worker();
    await expect(worker.close({ timeout: 5 } as Loose)).rejects.toMatchObject({ field: 'timeout' });
    // A refused close closed nothing; a good one still works, and the queue is then closed.
    await worker.close({ timeoutMs: 1_000 });
    await queue.close({ timeoutMs: 1_000 });
    await expect(queue.getCampaign('c')).rejects.toMatchObject({ code: 'QUEUE_CLOSED' });
  });
});

describe('recipients without a text', () => {
  it('no text anywhere: a ValidationError naming text, nothing stored, the stream let go', async () => {
    const queue = fx.queue();
    const stream = Readable.from(numbers('+447400', 50, 6));
    await expect(
      queue.enqueueCampaign({ campaignId: 'mute', recipients: stream }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'text' });
    expect(stream.destroyed).toBe(true);
    await expect(
      queue.enqueueCampaign({ campaignId: 'mute', recipients: [{ to: '+447400123456' }] }),
    ).rejects.toMatchObject({ field: 'text' });
    expect(await queue.getCampaign('mute')).toBeUndefined();
  });

  it('looks ahead at most maxBuffered recipients for one with a text', async () => {
    const queue = fx.queue();
    const recipients = [...numbers('+447400', 10, 6), { to: '+447400999999', text: 'Late' }];
    const input = { campaignId: 'late', recipients, chunkSize: 10, maxBuffered: 10 };
    await expect(queue.enqueueCampaign(input)).rejects.toThrow(/none of the first 10 recipients/);
    const wider = await queue.enqueueCampaign({ ...input, maxBuffered: 11 });
    expect(wider).toMatchObject({ recipients: 11, rejected: 10, submits: 1 });
  });

  it('some without a text: listed as NO_TEXT failures, never dropped; the rest are sent', async () => {
    await fx.control.clearMessages();
    const queue = fx.queue();
    fx.worker();
    const [a, b, c, d] = numbers('+447400', 4, 6, 3_000) as [string, string, string, string];
    const result = await queue.enqueueCampaign({
      campaignId: 'mixed',
      recipients: [a, { to: b, text: 'Hi Bob' }, { to: c, text: '' }, { to: d, text: 'Hi Dee' }],
    });
    expect(result).toMatchObject({ recipients: 4, rejected: 2, chunks: 2, submits: 2 });
    const status = await settled(queue, 'mixed');
    expect(status?.counts).toMatchObject({ accepted: 2, rejected: 2 });
    const page = await queue.getCampaign('mixed');
    expect(page?.failures.items.map((f) => [f.index, f.phone, f.kind, f.code])).toEqual([
      [0, a, 'invalid', 'NO_TEXT'],
      [2, c, 'invalid', 'NO_TEXT'],
    ]);
    expect([...(await submittedCounts(fx.mock.url)).keys()].sort()).toEqual(
      [b, d].map((n) => n.slice(1)).sort(),
    );
  });
});
