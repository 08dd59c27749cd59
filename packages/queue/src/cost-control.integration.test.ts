import { Decimal, ValidationError } from '@intl-sms/core';
import { mockInspector } from '@intl-sms/mock-server/testing';
import { Cluster } from 'ioredis';
import { beforeEach, describe, expect, it } from 'vitest';
import { CampaignInputMismatchError } from './errors/campaign-input-mismatch-error.js';
import { balanceOf, costAtMock } from './test-support/costs.js';
import { submittedCounts } from './test-support/mock-inspection.js';
import { COUNTRY_PREFIXES, fiveCountries, numbers } from './test-support/numbers.js';
import { settled } from './test-support/queue-fixture.js';
import { useQueueFixture } from './test-support/use-queue-fixture.js';
import { wrapTransport } from './test-support/wrapped-transport.js';

// Smart encoding, maxCost and totalCost of campaigns, against real Redis and the mock.
const handle = useQueueFixture();
beforeEach(async () => {
  await handle.fx.control.setBalance('1000.0000');
});

/** 140 characters with curly quotes and an em dash: UCS-2 as written, GSM-7 smart-encoded. */
const TEXT =
  `“Your order is on its way” — track it in the app. ${'Thanks for shopping with us. '.repeat(4)}`.slice(
    0,
    140,
  );

const balance = () => balanceOf(handle.fx);

const costOf = (phones: readonly string[], text: string) => costAtMock(handle.fx, phones, text);

describe('smart encoding of campaigns', () => {
  it('sends a 140-character text with curly quotes and a dash as one GSM-7 segment, and as UCS-2 without it', async () => {
    const { fx } = handle;
    expect(TEXT).toHaveLength(140);
    const queue = fx.queue();
    fx.worker();
    const phones = numbers(COUNTRY_PREFIXES.PH, 3, 7);
    await queue.enqueueCampaign({
      campaignId: 'smart',
      recipients: phones,
      text: TEXT,
      smartEncoding: true,
    });
    await queue.enqueueCampaign({
      campaignId: 'plain',
      recipients: numbers(COUNTRY_PREFIXES.GB, 3, 6),
      text: TEXT,
    });
    expect(await settled(queue, 'smart')).toMatchObject({ state: 'completed' });
    expect(await settled(queue, 'plain')).toMatchObject({ state: 'completed' });
    const inspector = mockInspector(fx.mock.url);
    const [smart] = await inspector.allMessages({ country: 'PH' });
    expect(smart).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smart?.text.startsWith('"Your order is on its way" - track')).toBe(true);
    const [plain] = await inspector.allMessages({ country: 'GB' });
    expect(plain).toMatchObject({ encoding: 'UCS-2', segments: 3, text: TEXT });
  });

  it('prices a capped chunk by the text as it is sent: a cap of the GSM-7 cost is enough', async () => {
    const { fx } = handle;
    const queue = fx.queue({ smartEncoding: true });
    fx.worker();
    const phones = numbers(COUNTRY_PREFIXES.PH, 4, 7, 100);
    const gsm = await costOf(phones, TEXT.replace(/[“”]/g, '"').replace('—', '-'));
    expect(gsm.compare(await costOf(phones, TEXT))).toBe(-1);
    const before = await balance();
    await queue.enqueueCampaign({
      campaignId: 'exact',
      recipients: phones,
      text: TEXT,
      maxCost: gsm.toString(),
    });
    const status = await settled(queue, 'exact');
    expect(status).toMatchObject({ state: 'completed', counts: { accepted: 4, budget: 0 } });
    expect(Decimal.parse(status?.totalCost ?? '').equals(gsm)).toBe(true);
    expect(before.subtract(await balance()).equals(gsm)).toBe(true);
  });
});

describe('totalCost of a campaign', () => {
  it('equals the mock’s balance movement exactly, over five countries’ prices and texts of every length', async () => {
    const { fx } = handle;
    const queue = fx.queue();
    fx.worker();
    const texts = ['Hi', 'é'.repeat(71), 'x'.repeat(161), '“Sale” — 50% off…', '€'.repeat(100)];
    const before = await balance();
    for (const [i, text] of texts.entries())
      await queue.enqueueCampaign({
        campaignId: `cost-${i}`,
        recipients: fiveCountries(7 + i).slice(i * 3),
        text,
        chunkSize: 4 + i,
        smartEncoding: i % 2 === 0,
      });
    let total = Decimal.zero();
    for (const i of texts.keys()) {
      const status = await settled(queue, `cost-${i}`, 'sent');
      const batches = await queue.getCampaignBatches(`cost-${i}`);
      const sum = batches.reduce((s, b) => s.add(Decimal.parse(b.cost ?? 'NaN')), Decimal.zero());
      expect(sum.equals(Decimal.parse(status?.totalCost ?? ''))).toBe(true);
      expect(status?.budget).toMatchObject({
        maxCost: undefined,
        exceeded: false,
        committed: status?.totalCost,
      });
      total = total.add(sum);
    }
    expect(total.units > 0n).toBe(true);
    expect(before.subtract(await balance()).equals(total)).toBe(true);
  });
});

describe('the cost of a chunk in Redis', () => {
  it('keeps a one-batch chunk a compact hash: each batch’s cost apart from the batches JSON', async () => {
    const { fx, redis } = handle;
    const queue = fx.queue();
    fx.worker();
    const phones = numbers(COUNTRY_PREFIXES.PH, 3, 7, 40);
    await queue.enqueueCampaign({
      campaignId: 'compact',
      recipients: phones.map((to, i) => ({
        to,
        text: `Hi customer ${i}, your parcel ships today.`,
      })),
    });
    const status = await settled(queue, 'compact', 'sent');
    const batches = await queue.getCampaignBatches('compact');
    expect(batches).toHaveLength(3);
    const sum = batches.reduce((s, b) => s.add(Decimal.parse(b.cost ?? 'NaN')), Decimal.zero());
    expect(sum.equals(Decimal.parse(status?.totalCost ?? ''))).toBe(true);
    // A value over 64 bytes turns Redis's listpack into a hash table: twice the memory.
    const clients = redis instanceof Cluster ? redis.nodes('master') : [redis];
    const chunkKeys: string[] = [];
    for (const client of clients) {
      for (const key of await client.keys(`*${queue.name}*:c:compact:k:*`)) {
        chunkKeys.push(key);
        expect(await client.object('ENCODING', key), key).toMatch(/^(listpack|ziplist)$/);
      }
    }
    expect(chunkKeys).toHaveLength(3);
  });
});

describe('maxCost of a campaign', () => {
  it('stops before the chunk that would cross it, then finishes once the cap is raised', async () => {
    const { fx } = handle;
    const queue = fx.queue();
    fx.worker({ concurrency: 3 });
    const phones = numbers(COUNTRY_PREFIXES.PH, 50, 7, 1_000);
    const chunk = await costOf(phones.slice(0, 5), 'Budget');
    const cap = chunk.multiply(4).add(chunk).subtract(Decimal.parse('0.0001'));
    const before = await balance();
    await queue.enqueueCampaign({
      campaignId: 'cap',
      recipients: phones,
      text: 'Budget',
      chunkSize: 5,
      maxCost: cap.toString(),
    });
    const stopped = await settled(queue, 'cap');
    expect(stopped).toMatchObject({
      state: 'budget-exceeded',
      counts: { accepted: 20, budget: 30, queued: 0 },
      budget: { maxCost: cap.toString(), exceeded: true },
    });
    expect(stopped?.budget.reason).toMatch(/over maxCost/);
    expect(Decimal.parse(stopped?.totalCost ?? '').equals(chunk.multiply(4))).toBe(true);
    expect(before.subtract(await balance()).equals(chunk.multiply(4))).toBe(true);
    expect([...(await submittedCounts(fx.mock.url)).keys()]).toHaveLength(20);

    const raised = await queue.setCampaignMaxCost('cap', chunk.multiply(10).toString());
    expect(raised.budget).toMatchObject({ exceeded: false });
    const done = await settled(queue, 'cap');
    expect(done).toMatchObject({ state: 'completed', counts: { accepted: 50, budget: 0 } });
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(50);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(Decimal.parse(done?.totalCost ?? '').equals(chunk.multiply(10))).toBe(true);
    expect(before.subtract(await balance()).equals(chunk.multiply(10))).toBe(true);
  });

  it('releases the estimate of a submit refused before it left, so a cap of the exact total is enough', async () => {
    const { fx } = handle;
    await fx.control.faults([
      { endpoint: 'submit', type: 'state-code', stateCode: '429', times: 3 },
    ]);
    const queue = fx.queue({ retryDelayMs: 20 });
    fx.worker();
    const phones = numbers(COUNTRY_PREFIXES.PH, 12, 7, 2_000);
    const total = await costOf(phones, 'Exact');
    await queue.enqueueCampaign({
      campaignId: 'release',
      recipients: phones,
      text: 'Exact',
      chunkSize: 4,
      maxCost: total.toString(),
    });
    const status = await settled(queue, 'release');
    expect(status).toMatchObject({ state: 'completed', counts: { accepted: 12, budget: 0 } });
    expect(Decimal.parse(status?.budget.committed ?? '').equals(total)).toBe(true);
  });

  it('leaves a chunk unsent when its price is unknown, rather than guess', async () => {
    const { fx } = handle;
    // A transport without estimate(): nothing can price the chunk.
    const queue = fx.queue();
    fx.worker({ transport: wrapTransport(fx.transport, {}) });
    await queue.enqueueCampaign({
      campaignId: 'unpriced',
      recipients: numbers(COUNTRY_PREFIXES.PH, 3, 7, 3_000),
      text: 'Hi',
      maxCost: '100',
    });
    const status = await settled(queue, 'unpriced');
    expect(status).toMatchObject({ state: 'budget-exceeded', counts: { budget: 3, accepted: 0 } });
    expect(status?.budget.reason).toMatch(/price of chunk 0 is unknown/);
    expect((await submittedCounts(fx.mock.url)).size).toBe(0);
  });

  it('refuses a bad maxCost or smartEncoding with a ValidationError naming the field', async () => {
    const { fx } = handle;
    const queue = fx.queue();
    const recipients = ['+639171234567'];
    for (const maxCost of ['-1', '12,50', 'ten', Number.NaN, {}] as unknown[]) {
      const error = await queue
        .enqueueCampaign({ campaignId: 'bad', recipients, text: 'x', maxCost } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'maxCost' });
    }
    await expect(
      queue.enqueueCampaign({
        campaignId: 'bad',
        recipients,
        text: 'x',
        smartEncoding: 'yes',
      } as never),
    ).rejects.toMatchObject({ field: 'smartEncoding' });
    await expect(queue.setCampaignMaxCost('bad', '-0.01')).rejects.toMatchObject({
      field: 'maxCost',
    });
    await expect(queue.setCampaignMaxCost('bad', undefined as never)).rejects.toMatchObject({
      field: 'maxCost',
    });
    expect(() => fx.queue({ smartEncoding: 1 as never })).toThrow(ValidationError);
    await expect(queue.setCampaignMaxCost('none-such', '5')).rejects.toMatchObject({
      code: 'CAMPAIGN_NOT_FOUND',
    });
    expect(await queue.getCampaign('bad')).toBeUndefined();
  });

  it('keeps the cap of the first enqueue: another one is refused, pointing to setCampaignMaxCost', async () => {
    const { fx } = handle;
    const queue = fx.queue();
    const recipients = ['+639171234567'];
    await queue.enqueueCampaign({ campaignId: 'first', recipients, text: 'x', maxCost: '1.50' });
    await queue.enqueueCampaign({ campaignId: 'first', recipients, text: 'x', maxCost: 1.5 });
    const error = await queue
      .enqueueCampaign({ campaignId: 'first', recipients, text: 'x', maxCost: '3' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CampaignInputMismatchError);
    expect(error).toMatchObject({
      field: 'maxCost',
      message: expect.stringMatching(/setCampaignMaxCost/),
    });
    await expect(
      queue.enqueueCampaign({ campaignId: 'first', recipients, text: 'x', smartEncoding: true }),
    ).rejects.toMatchObject({ field: 'smartEncoding' });
  });
});
