// The races and edge cases found by review (issue 20). Each test failed before its fix.
import {
  PartialSendError,
  type SendResult,
  type SmsTransport,
  SubmitOutcomeUnknownError,
} from '@intl-sms/core';
import type { Cluster, Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SmsQueue } from './create-sms-queue.js';
import { eachOnce, submittedCounts } from './test-support/mock-inspection.js';
import { numbers } from './test-support/numbers.js';
import { type QueueFixture, settled, until } from './test-support/queue-fixture.js';
import { useQueueFixture } from './test-support/use-queue-fixture.js';
import { routesWithout, wrapTransport } from './test-support/wrapped-transport.js';

const handle = useQueueFixture();
let fx: QueueFixture;
let redis: Redis | Cluster;
beforeAll(() => {
  ({ fx, redis } = handle);
});

/** The Redis key of a campaign record (`bull:{queue}:c:id…`), as the store names it. */
const key = (queue: SmsQueue, campaignId: string, rest = '') =>
  `bull:{${queue.name}}${fx.cluster ? '-sms' : ''}:c:${campaignId}${rest}`;

/** Recipients read until `breakAt`, where the source throws (an enqueue cut short). */
async function* breaksAt(list: readonly string[], breakAt: number) {
  for (const [i, phone] of list.entries()) {
    if (i === breakAt) throw new Error('the source broke');
    yield phone;
  }
}

/**
 * Empties the script cache, as in a fresh or restarted Redis: the next call of each
 * script is answered NOSCRIPT and sent again, a round trip later.
 */
async function flushScripts(client: Redis | Cluster): Promise<void> {
  const nodes = client.isCluster ? (client as Cluster).nodes('master') : [client as Redis];
  await Promise.all(nodes.map((node) => node.script('FLUSH')));
}

const ph = numbers('+63917', 6, 7, 4_000);
const gb = numbers('+447400', 2, 6, 4_000);
/** Two numbers a chunk: PH, PH | GB, GB | PH, PH | (broken here the first time) PH, PH. */
const mixed = [ph[0], ph[1], gb[0], gb[1], ph[2], ph[3], ph[4], ph[5]] as string[];

describe('resuming an interrupted enqueue', () => {
  it.each([
    ['enabled', true],
    ['disabled', false],
  ])(
    'numbers chunks the same when a channel was %s in between: each number once, none lost',
    async (_, gbOffAtFirst) => {
      let gbOff = gbOffAtFirst;
      const routes = routesWithout(fx.transport, '44', () => gbOff);
      const first = fx.queue({ transport: routes });
      const input = { campaignId: 'routes', text: 'Hi', chunkSize: 2 };
      // Found on a fresh Redis, where the script that stores a refused chunk had never
      // run: its first call is answered NOSCRIPT and sent again, so it was still in flight
      // when the source broke, landed after the (cached) lease release and was fenced
      // out, and the resume decided the GB chunk anew. A whole enqueue first caches
      // every other script.
      await flushScripts(redis);
      const warm = `warm-up-${gbOffAtFirst}`;
      await first.enqueueCampaign({ campaignId: warm, text: 'Hi', recipients: ph.slice(0, 1) });
      await first.cancelCampaign(warm);
      await first.deleteCampaign(warm);
      await expect(
        first.enqueueCampaign({ ...input, recipients: breaksAt(mixed, 6) }),
      ).rejects.toThrow('the source broke');
      gbOff = !gbOff;
      const resumed = await first.enqueueCampaign({ ...input, recipients: mixed });
      expect(resumed).toMatchObject({ resumed: true, recipients: 8 });
      fx.worker();
      const status = await settled(first, 'routes', 'sent');
      // The first decision about the GB chunk stands: refused, or queued and sent.
      const gbSent = !gbOffAtFirst;
      expect(status?.counts).toMatchObject({
        accepted: gbSent ? 8 : 6,
        rejected: gbSent ? 0 : 2,
        queued: 0,
      });
      const counts = await submittedCounts(fx.mock.url);
      expect(eachOnce(counts)).toBe(true);
      for (const phone of ph) expect(counts.get(phone.slice(1))).toBe(1);
    },
  );

  it('refuses other recipients with CAMPAIGN_INPUT_MISMATCH naming recipients', async () => {
    const queue = fx.queue();
    const input = { campaignId: 'other-list', text: 'Hi', chunkSize: 2 };
    await expect(
      queue.enqueueCampaign({ ...input, recipients: breaksAt(ph, 4) }),
    ).rejects.toThrow();
    const reordered = [ph[1], ph[0], ...ph.slice(2)] as string[];
    const error = await queue.enqueueCampaign({ ...input, recipients: reordered }).catch((e) => e);
    expect(error).toMatchObject({ code: 'CAMPAIGN_INPUT_MISMATCH', field: 'recipients' });
    expect(await queue.enqueueCampaign({ ...input, recipients: ph })).toMatchObject({
      resumed: true,
      chunks: 3,
    });
  });
});

describe('the enqueue lease', () => {
  // Found by the memory benchmark on a loaded machine: a million recipients from a
  // generator were read in promise jobs alone, the renewal timer never ran, and the
  // enqueue was fenced out by its own expired lease (CAMPAIGN_BUSY).
  it('is renewed while a source that never waits is read: timers get their turn', async () => {
    const queue = fx.queue();
    function* busy() {
      for (const phone of numbers('+447400', 8_000, 6, 20_000)) {
        const until = performance.now() + 0.5; // 4 s of reading in all
        while (performance.now() < until);
        yield phone;
      }
    }
    let last = performance.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
    }, 20);
    try {
      await queue.enqueueCampaign({ campaignId: 'busy', recipients: busy(), text: 'Hi' });
    } finally {
      clearInterval(timer);
    }
    // Without a turn, the timer waited out the whole read (4 s or more).
    expect(longestGap).toBeLessThan(2_000);
  });

  it('an enqueue whose lease was taken over stops, and writes nothing more', async () => {
    const queue = fx.queue();
    const list = numbers('+63917', 40, 7, 5_000);
    let release = () => {};
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reachedPause = () => {};
    const atPause = new Promise<void>((resolve) => {
      reachedPause = resolve;
    });
    async function* slow() {
      for (const [i, phone] of list.entries()) {
        if (i === 20) {
          reachedPause();
          await paused; // a long stall: the lease expires and another process takes it
        }
        yield phone;
      }
    }
    const enqueue = queue.enqueueCampaign({
      campaignId: 'stalled',
      recipients: slow(),
      text: 'Hi',
      chunkSize: 5,
    });
    await atPause;
    // The four chunks read before the stall were sent to Redis; let their writes land.
    const stored = async () => Number(await redis.hget(key(queue, 'stalled'), 'chunks'));
    await until(async () => (await stored()) >= 4, 5_000);
    const before = await stored();
    expect(before).toBe(4);
    await redis.set(key(queue, 'stalled', ':lock'), 'another-process', 'PX', 30_000);
    release();
    await expect(enqueue).rejects.toMatchObject({ code: 'CAMPAIGN_BUSY' });
    expect(Number(await redis.hget(key(queue, 'stalled'), 'chunks'))).toBe(before);
    expect(await redis.hget(key(queue, 'stalled'), 'enqueue')).toBe('open');
  });
});

describe('batch numbers and the sweeper', () => {
  it('polls the receipts of a batch whose number holds ":"', async () => {
    // The provider's batch numbers are its own business; BullMQ refuses ":" in a job id.
    const colon = wrapTransport(fx.transport, {
      send: async (message, options) => withBatchPrefix(await fx.transport.send(message, options)),
      getDeliveryReport: async (id, options) => ({
        ...(await fx.transport.getDeliveryReport(id.replace(/^B:/, ''), options)),
        id,
      }),
    });
    const queue = fx.queue();
    fx.worker({ transport: colon });
    await queue.enqueueCampaign({ campaignId: 'colons', recipients: ph, text: 'Hi' });
    const status = await settledWithin(queue, 'colons', 20_000);
    expect(status).toMatchObject({ state: 'completed', counts: { delivered: 6 } });
    expect((await queue.getCampaignBatches('colons'))[0]?.id).toMatch(/^B:/);
  });

  it('a chunk it cannot handle is reported and skipped; the rest of the sweep goes on', async () => {
    const queue = fx.queue();
    await queue.enqueueCampaign({
      campaignId: 'broken',
      recipients: ph.slice(0, 4),
      text: 'Hi',
      chunkSize: 2,
    });
    await queue.enqueueCampaign({ campaignId: 'lost', recipients: gb, text: 'Hi' });
    // Every job lost (a Redis restart at the wrong moment), and chunk 0 of 'broken'
    // unreadable: submitted, with batches that are not JSON.
    await queue.bullQueue.obliterate({ force: true });
    await redis.hset(key(queue, 'broken', ':k:0'), 'state', 'submitted', 'batches', '{not json');
    const errors: Error[] = [];
    fx.worker({ sweepIntervalMs: 200, onError: (error) => errors.push(error) });
    await until(async () => {
      const [broken, lost] = await Promise.all([
        queue.getCampaign('broken'),
        queue.getCampaign('lost'),
      ]);
      return broken?.counts.accepted === 2 && lost?.counts.accepted === 2;
    });
    expect(await redis.hget(key(queue, 'broken', ':k:1'), 'state')).toBe('submitted');
    expect(errors.some((e) => /chunk 0 of campaign broken/.test(e.message))).toBe(true);
  });
});

describe('reconciliation', () => {
  it('keeps a chunk whose worker stopped mid-submit longer than a submit timeout plus the persist window', async () => {
    const queue = fx.queue();
    await queue.enqueueCampaign({ campaignId: 'ghost', recipients: ph.slice(0, 3), text: 'Hi' });
    // A worker claimed chunk 0 and died: the next one finds it submitting.
    await redis.hset(key(queue, 'ghost', ':k:0'), 'state', 'submitting', 'attempt', 'ghost/1');
    fx.worker();
    await until(async () => (await queue.getCampaign('ghost'))?.state === 'needs-reconciliation');
    // 90 s ago: long after the old default (60 s), well within a submit's timeout (60 s)
    // plus the 5 minutes its worker keeps trying to record the outcome.
    await redis.hset(key(queue, 'ghost', ':k:0'), 'updatedAt', Date.now() - 90_000);
    const early = await queue.reconcile('ghost', { decide: () => 'resend' });
    expect(early).toMatchObject({ resent: 0, kept: 3 });
    expect(early.items[0]?.workerStopped).toBe(true);
    expect(
      await queue.reconcile('ghost', { decide: () => 'resend', minAgeMs: 60_000 }),
    ).toMatchObject({
      resent: 3,
    });
    expect((await settled(queue, 'ghost'))?.counts.accepted).toBe(3);
  });

  it('a resend keeps the batches of the submit before it, and its receipts find their recipients', async () => {
    // First submit: the first half accepted, the rest's outcome unknown (a reset).
    const failedReceipt = '+447400000001'; // the mock's magic: accepted, receipt says failed
    const list = [failedReceipt, ...numbers('+447400', 5, 6, 6_000)];
    let sends = 0;
    const halfUnknown = wrapTransport(fx.transport, {
      send: async (message, options) => {
        if (sends++ > 0) return fx.transport.send(message, options);
        return partlyUnknown(fx.transport, message.to as readonly string[], message.text);
      },
    });
    const queue = fx.queue();
    fx.worker({ transport: halfUnknown, receipts: { firstPollMs: 1_500, maxPollMs: 300 } });
    await queue.enqueueCampaign({ campaignId: 'halves', recipients: list, text: 'Hi' });
    await until(async () => (await queue.getCampaign('halves'))?.state === 'needs-reconciliation');
    expect(await queue.reconcile('halves', { decide: () => 'resend', minAgeMs: 0 })).toMatchObject({
      resent: 3,
    });
    const status = await settled(queue, 'halves');
    expect(status).toMatchObject({ state: 'completed', counts: { accepted: 6, undelivered: 1 } });
    const batches = await queue.getCampaignBatches('halves');
    expect(batches.map((b) => b.size)).toEqual([3, 3]);
    const failures = (await queue.getCampaign('halves'))?.failures.items;
    expect(failures?.map((f) => [f.index, f.code])).toEqual([[0, 'DELIVERY_FAILED']]);
    expect(eachOnce(await submittedCounts(fx.mock.url))).toBe(true);
  });
});

describe('a worker that polls no receipts', () => {
  // Decided (issue 20): with receipts: false nobody would ever poll, so the campaign
  // waited in awaiting-receipts forever; its batches now count as untracked.
  it('lets its campaign complete, counting the accepted as untracked', async () => {
    const queue = fx.queue();
    fx.worker({ receipts: false });
    await queue.enqueueCampaign({ campaignId: 'no-receipts', recipients: ph, text: 'Hi' });
    const status = await settledWithin(queue, 'no-receipts', 15_000);
    expect(status).toMatchObject({
      state: 'completed',
      counts: { accepted: 6, untracked: 6, deliveryPending: 0 },
      batches: { total: 1, final: 1 },
    });
    expect((await queue.getCampaignBatches('no-receipts'))[0]?.final).toBe(true);
  });
});

/** The last snapshot before the campaign was done, or when `ms` ran out. */
async function settledWithin(queue: SmsQueue, campaignId: string, ms: number) {
  let last: Awaited<ReturnType<SmsQueue['getCampaign']>>;
  const signal = AbortSignal.timeout(ms);
  for await (const status of queue.watchCampaign(campaignId, { intervalMs: 50, signal }))
    last = status;
  return last;
}

function withBatchPrefix(result: SendResult): SendResult {
  const rename = (id: string | undefined) => (id === undefined ? id : `B:${id}`);
  return {
    ...result,
    id: `B:${result.id}`,
    batches: result.batches.map((b) => ({ ...b, id: `B:${b.id}` })),
    recipients: result.recipients.map((r) => ({ ...r, batchId: rename(r.batchId) })),
  };
}

/** Sends the first half for real, then throws as if the second half's connection reset. */
async function partlyUnknown(
  transport: SmsTransport,
  to: readonly string[],
  text: string,
): Promise<never> {
  const half = Math.ceil(to.length / 2);
  const sent = await transport.send({ to: to.slice(0, half), text });
  const rest = to.slice(half).map((input) => ({
    input,
    phone: input.replace(/^\+/, ''),
    state: 'unknown' as const,
    reason: 'the connection was reset',
  }));
  const channelId = sent.batches[0]?.channelId ?? 0;
  const phones = rest.map((r) => r.phone);
  const unknown = new SubmitOutcomeUnknownError(phones, channelId, 'the connection was reset');
  const result: SendResult = { ...sent, recipients: [...sent.recipients, ...rest] };
  throw new PartialSendError(result, [{ channelId, phones, error: unknown }]);
}
