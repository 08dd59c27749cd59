import {
  createSjroomTransport,
  Decimal,
  type SendEstimate,
  type SjroomTransport,
  type SmsMessage,
} from '@intl-sms/core';
import { mockInspector } from '@intl-sms/mock-server/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balanceOf, costAtMock } from './test-support/costs.js';
import { submittedCounts } from './test-support/mock-inspection.js';
import { COUNTRY_PREFIXES, numbers } from './test-support/numbers.js';
import { settled, until } from './test-support/queue-fixture.js';
import { useQueueFixture } from './test-support/use-queue-fixture.js';
import { wrapTransport } from './test-support/wrapped-transport.js';

// A capped campaign's cap holds between the worker's estimate and its submit: a refused
// channel re-routed to a dearer one, a price risen meanwhile, a transport that ignores
// the cap; and a chunk reconciled as sent counts in totalCost. Real Redis, real mock.
const handle = useQueueFixture();
const restore: (() => Promise<unknown>)[] = [];
beforeEach(async () => {
  await handle.fx.control.setBalance('1000.0000');
});
afterEach(async () => {
  for (const undo of restore.splice(0)) await undo();
});

const balance = () => balanceOf(handle.fx);

const costOf = (phones: readonly string[], text: string) => costAtMock(handle.fx, phones, text);

/** Changes a channel at the mock, put back as it was after the test. */
async function changeChannel(id: string, changes: { price?: string; status?: 0 | 1 }) {
  const inspector = mockInspector(handle.fx.mock.url);
  const before = (await inspector.channels()).find((channel) => channel.id === id);
  if (!before) throw new Error(`no channel ${id} at the mock`);
  restore.push(() =>
    inspector.setChannel(id, { price: before.price, status: before.status as 0 | 1 }),
  );
  await inspector.setChannel(id, changes);
}

describe('maxCost of a campaign while its submit is out', () => {
  it('refuses a re-route of a refused channel to a dearer one: the numbers fail with the refusal, nothing over the cap is spent', async () => {
    const { fx } = handle;
    const inspector = mockInspector(fx.mock.url);
    const russia = (await inspector.channels())
      .filter((channel) => channel.countryCode === '7' && channel.status === 1)
      .sort((a, b) => Decimal.parse(a.price).compare(Decimal.parse(b.price)));
    const [cheap, dear] = russia;
    if (!cheap || !dear) throw new Error('the mock needs two open Russian channels');
    const phones = ['+79123456781', '+79123456782'];
    const cap = await costOf(phones, 'hello');
    expect(cap.equals(Decimal.parse(cheap.price).multiply(2))).toBe(true);
    // The submit to the cheap channel is held at the mock while that channel closes:
    // the mock then answers 403 and core re-routes with a fresh channel list.
    await fx.control.faults([
      { endpoint: 'submit', channelId: cheap.id, nth: 1, type: 'latency', delayMs: 1_500 },
    ]);
    const queue = fx.queue();
    fx.worker({ receipts: false });
    const before = await balance();
    await queue.enqueueCampaign({
      campaignId: 'reroute',
      recipients: phones,
      text: 'hello',
      maxCost: cap.toString(),
    });
    await until(async () => (await inspector.health()).pendingCalls > 0);
    await changeChannel(cheap.id, { status: 0 });
    const status = await settled(queue, 'reroute', 'sent');
    expect(status).toMatchObject({
      state: 'completed',
      counts: { accepted: 0, failed: 2, rejected: 0, unknown: 0, budget: 0 },
      totalCost: '0',
      budget: { maxCost: cap.toString(), committed: '0', exceeded: false },
    });
    expect((await queue.getCampaign('reroute'))?.failures.items).toEqual(
      [0, 1].map((index) =>
        expect.objectContaining({ index, kind: 'refused', code: 'CHANNEL_UNAVAILABLE' }),
      ),
    );
    expect(before.equals(await balance())).toBe(true);
    expect((await submittedCounts(fx.mock.url)).size).toBe(0);
  });

  it('books a chunk refused at its submit for a price risen since its estimate as budget, stops the campaign there, and sends it once the cap is set again', async () => {
    const { fx } = handle;
    const inspector = mockInspector(fx.mock.url);
    const channel = (await inspector.channels()).find((c) => c.countryCode === '63');
    if (!channel) throw new Error('the mock needs a Philippine channel');
    const phones = numbers(COUNTRY_PREFIXES.PH, 4, 7, 4_000);
    const cap = await costOf(phones, 'Price');
    // A worker whose transport reads prices fresh, and whose first submit finds the
    // price raised after the chunk's estimate was committed.
    const fresh = createSjroomTransport({
      baseUrl: fx.mock.url,
      account: 'demo',
      password: 'demo-password',
      phoneValidation: 'possible',
      channelCacheTtlMs: 0,
    });
    restore.push(() => fresh.close());
    let raise = true;
    const transport = wrapTransport(fresh, {
      estimate: (message: SmsMessage) => fresh.estimate(message),
      send: async (message) => {
        if (raise) {
          raise = false;
          const price = Decimal.parse(channel.price).add(Decimal.parse('0.01'));
          await changeChannel(channel.id, { price: price.toString() });
        }
        return fresh.send(message);
      },
    });
    const queue = fx.queue();
    fx.worker({ transport, receipts: false, concurrency: 1 });
    const before = await balance();
    await queue.enqueueCampaign({
      campaignId: 'risen',
      recipients: phones,
      text: 'Price',
      chunkSize: 2,
      maxCost: cap.toString(),
    });
    const stopped = await settled(queue, 'risen', 'sent');
    expect(stopped).toMatchObject({
      state: 'budget-exceeded',
      counts: { accepted: 0, failed: 0, unknown: 0, budget: 4, queued: 0 },
      totalCost: '0',
      budget: { maxCost: cap.toString(), committed: '0', exceeded: true },
    });
    expect(stopped?.budget.reason).toMatch(/refused at its submit for its maxCost/);
    expect(before.equals(await balance())).toBe(true);
    expect((await submittedCounts(fx.mock.url)).size).toBe(0);

    // The old price back, the same cap set again: the campaign goes on and fits exactly.
    await inspector.setChannel(channel.id, { price: channel.price });
    await queue.setCampaignMaxCost('risen', cap.toString());
    const done = await settled(queue, 'risen', 'sent');
    expect(done).toMatchObject({
      state: 'completed',
      counts: { accepted: 4, budget: 0 },
      totalCost: cap.toString(),
      budget: { committed: cap.toString(), exceeded: false },
    });
    expect(before.subtract(await balance()).equals(cap)).toBe(true);
  });

  it('says exceeded, and stops the campaign, when a submit cost more than its claim committed (a transport that ignores maxCost)', async () => {
    const { fx } = handle;
    const inner = fx.transport as SjroomTransport;
    // Estimates of one number of each chunk of two (half the real cost), and sends that
    // drop the cap: only the record of the actual cost can notice.
    const transport = wrapTransport(inner, {
      estimate: (message: SmsMessage): Promise<SendEstimate> =>
        inner.estimate({ ...message, to: ([] as string[]).concat(message.to).slice(0, 1) }),
      send: ({ maxCost: _ignored, ...message }) => inner.send(message),
    });
    const phones = numbers(COUNTRY_PREFIXES.PH, 4, 7, 5_000);
    const total = await costOf(phones, 'Ignored');
    const chunk = await costOf(phones.slice(0, 2), 'Ignored');
    const queue = fx.queue();
    fx.worker({ transport, receipts: false, concurrency: 1 });
    await queue.enqueueCampaign({
      campaignId: 'ignored',
      recipients: phones,
      text: 'Ignored',
      chunkSize: 2,
      maxCost: total.toString(),
    });
    const status = await settled(queue, 'ignored', 'sent');
    expect(status).toMatchObject({
      state: 'budget-exceeded',
      counts: { accepted: 2, budget: 2 },
      totalCost: chunk.toString(),
      budget: { committed: chunk.toString(), exceeded: true },
    });
    expect(status?.budget.reason).toMatch(/^chunk \d cost .* more than the .* its claim committed/);
  });
});

describe('reconciling a capped chunk as sent', () => {
  it('adds the chunk’s committed estimate to totalCost, which then matches the provider’s debit', async () => {
    const { fx } = handle;
    await fx.control.faults([
      { endpoint: 'submit', type: 'state-code', stateCode: 500, afterProcessing: true, times: 1 },
    ]);
    const phones = numbers(COUNTRY_PREFIXES.PH, 4, 7, 6_000);
    const total = await costOf(phones, 'Reconciled');
    const queue = fx.queue();
    fx.worker({ receipts: false });
    const before = await balance();
    await queue.enqueueCampaign({
      campaignId: 'unknown',
      recipients: phones,
      text: 'Reconciled',
      chunkSize: 2,
      maxCost: '1.00',
    });
    const waiting = await settled(queue, 'unknown', 'sent');
    expect(waiting).toMatchObject({ state: 'needs-reconciliation', counts: { unknown: 2 } });
    const chunk = await costOf(phones.slice(0, 2), 'Reconciled');
    expect(waiting?.totalCost).toBe(chunk.toString());
    expect(waiting?.budget.committed).toBe(total.toString());

    await queue.reconcile('unknown', { decide: () => 'sent', minAgeMs: 0 });
    const status = await queue.getCampaign('unknown');
    expect(status).toMatchObject({
      state: 'completed',
      counts: { accepted: 4, unknown: 0 },
      totalCost: total.toString(),
      budget: { committed: total.toString(), exceeded: false },
    });
    expect(before.subtract(await balance()).equals(total)).toBe(true);
  });
});
