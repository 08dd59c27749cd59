import { Cluster, type Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SmsQueue } from './create-sms-queue.js';
import { numbers } from './test-support/numbers.js';
import { type QueueFixture, settled, until } from './test-support/queue-fixture.js';
import { useQueueFixture } from './test-support/use-queue-fixture.js';

const handle = useQueueFixture();
let fx: QueueFixture;
let redis: Redis | Cluster;
beforeAll(() => {
  ({ fx, redis } = handle);
});

const uk = (count: number, start = 0) => numbers('+447400', count, 6, start);

/** Every key of the queue's Redis matching `pattern` (on a Cluster: of every master). */
async function keys(pattern: string): Promise<string[]> {
  const clients = redis instanceof Cluster ? redis.nodes('master') : [redis];
  const found: string[] = [];
  for (const client of clients) found.push(...(await client.keys(pattern)));
  return found;
}

/** Keys of one campaign: its records, and BullMQ's jobs of it. */
const campaignKeys = (queue: SmsQueue, campaignId: string) => keys(`*${queue.name}*${campaignId}*`);

describe('deleteCampaign', () => {
  it('deletes every record and job of a finished campaign', async () => {
    const queue = fx.queue();
    fx.worker();
    await queue.enqueueCampaign({
      campaignId: 'done',
      recipients: uk(300),
      text: 'Hi',
      chunkSize: 100,
    });
    expect((await settled(queue, 'done'))?.state).toBe('completed');
    expect((await campaignKeys(queue, 'done')).length).toBeGreaterThan(3);
    expect(await queue.deleteCampaign('done')).toBe(true);
    expect(await queue.getCampaign('done')).toBeUndefined();
    expect(await queue.listCampaigns()).not.toContain('done');
    expect(await campaignKeys(queue, 'done')).toEqual([]);
    expect(await queue.deleteCampaign('done')).toBe(false);
  });

  it('refuses a campaign that may still send; once cancelled, its waiting jobs go too', async () => {
    const queue = fx.queue();
    await queue.enqueueCampaign({
      campaignId: 'waiting',
      recipients: uk(300),
      text: 'Hi',
      chunkSize: 100,
    });
    await expect(queue.deleteCampaign('waiting')).rejects.toMatchObject({
      code: 'CAMPAIGN_ACTIVE',
    });
    expect(await queue.bullQueue.getWaitingCount()).toBe(3);
    await queue.cancelCampaign('waiting');
    expect(await queue.deleteCampaign('waiting')).toBe(true);
    expect(await queue.bullQueue.getWaitingCount()).toBe(0);
    expect(await campaignKeys(queue, 'waiting')).toEqual([]);
  });
});

describe('retention', () => {
  it('a finished campaign expires after its retention; receipts are counted until it is over', async () => {
    const queue = fx.queue({ retention: 300 });
    // Receipts come late: the campaign is not over (nor expiring) before they are final.
    fx.worker({ sweepIntervalMs: 100, receipts: { firstPollMs: 1_000, maxPollMs: 300 } });
    await queue.enqueueCampaign({ campaignId: 'short', recipients: uk(50), text: 'Hi' });
    await until(async () => (await queue.getCampaign('short'))?.state === 'awaiting-receipts');
    await new Promise((resolve) => setTimeout(resolve, 600)); // two retentions, receipts pending
    expect(await queue.getCampaign('short')).toMatchObject({ state: 'awaiting-receipts' });
    await until(async () => (await queue.getCampaign('short'))?.counts.delivered === 50);
    await until(async () => (await queue.getCampaign('short')) === undefined);
    expect(await campaignKeys(queue, 'short')).toEqual([]);
  });

  it('a campaign waiting for reconciliation is kept until it is reconciled', async () => {
    await fx.control.faults([{ endpoint: 'submit', type: 'drop', times: 1 }]);
    const queue = fx.queue({ retention: 200 });
    fx.worker({ sweepIntervalMs: 100 });
    await queue.enqueueCampaign({ campaignId: 'unknown', recipients: uk(3), text: 'Hi' });
    expect((await settled(queue, 'unknown'))?.state).toBe('needs-reconciliation');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await queue.getCampaign('unknown')).toMatchObject({ state: 'needs-reconciliation' });
    await queue.reconcile('unknown', { decide: () => 'not-sent' });
    await until(async () => (await queue.getCampaign('unknown')) === undefined);
  });

  it('keeps a finished campaign for 7 days by default', async () => {
    const queue = fx.queue();
    fx.worker({ sweepIntervalMs: 100 });
    await queue.enqueueCampaign({ campaignId: 'week', recipients: uk(2), text: 'Hi' });
    await settled(queue, 'week');
    // The queue's list of expiring campaigns (`bull:{queue}:expiring`).
    const expiry = `bull:{${queue.name}}${fx.cluster ? '-sms' : ''}:expiring`;
    await until(async () => (await redis.zscore(expiry, 'week')) !== null);
    const at = Number(await redis.zscore(expiry, 'week'));
    const week = 7 * 24 * 3600 * 1000;
    expect(at - Date.now()).toBeGreaterThan(week - 60_000);
    expect(at - Date.now()).toBeLessThanOrEqual(week);
  });
});
