import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eachOnce, submittedCounts } from './test-support/mock-inspection.js';
import { numbers } from './test-support/numbers.js';
import {
  type QueueFixture,
  settled,
  startQueueFixture,
  until,
} from './test-support/queue-fixture.js';

let fx: QueueFixture;
beforeAll(async () => {
  fx = await startQueueFixture();
});
afterEach(async () => {
  await fx.control.faults([]);
  await fx.control.clearMessages();
  await fx.control.setBalance('1000.0000');
});
afterAll(async () => {
  await fx?.close();
});

const uk = (count: number, start = 0) => numbers('+447400', count, 6, start);

describe('steering a campaign', () => {
  it('pause holds every chunk until resume', async () => {
    const queue = fx.queue();
    await queue.enqueueCampaign({
      campaignId: 'held',
      recipients: uk(500),
      text: 'Hi',
      chunkSize: 100,
    });
    expect((await queue.pauseCampaign('held')).state).toBe('paused');
    fx.worker({ pausedRetryMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await submittedCounts(fx.mock.url)).size).toBe(0);
    expect(await queue.getCampaign('held')).toMatchObject({
      state: 'paused',
      counts: { queued: 500 },
    });
    await queue.resumeCampaign('held');
    expect((await settled(queue, 'held'))?.counts.accepted).toBe(500);
    expect(eachOnce(await submittedCounts(fx.mock.url))).toBe(true);
  });

  it('cancel stops queued chunks; what was submitted stays counted', async () => {
    await fx.control.faults([{ endpoint: 'submit', type: 'latency', delayMs: 150 }]);
    const queue = fx.queue();
    await queue.enqueueCampaign({
      campaignId: 'stop',
      recipients: uk(1_000),
      text: 'Hi',
      chunkSize: 50,
    });
    fx.worker({ concurrency: 1 });
    for await (const status of queue.watchCampaign('stop', { intervalMs: 20 })) {
      if (status.counts.accepted > 0) break;
    }
    await queue.cancelCampaign('stop');
    const status = await settled(queue, 'stop');
    expect(status?.state).toBe('cancelled');
    const { accepted, cancelled, queued } = status?.counts ?? {};
    expect(accepted).toBeGreaterThan(0);
    expect(cancelled).toBeGreaterThan(0);
    expect((accepted ?? 0) + (cancelled ?? 0) + (queued ?? 0)).toBe(1_000);
    await new Promise((resolve) => setTimeout(resolve, 400)); // any submit in flight lands
    const after = await queue.getCampaign('stop');
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(after?.counts.accepted);
    expect(after?.counts.queued).toBe(0);
  });

  it('retries a rate-limited submit without sending it twice', async () => {
    await fx.control.faults([
      { endpoint: 'submit', type: 'state-code', stateCode: '429', times: 5 },
    ]);
    const queue = fx.queue();
    fx.worker({ concurrency: 1 });
    await queue.enqueueCampaign({
      campaignId: 'slow',
      recipients: uk(300),
      text: 'Hi',
      chunkSize: 100,
    });
    const status = await settled(queue, 'slow');
    expect(status?.counts).toMatchObject({ accepted: 300, failed: 0, unknown: 0 });
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(300);
    expect(eachOnce(counts)).toBe(true);
  });

  it("gives up after the queue's attempts: the chunk is refused, with the reason", async () => {
    await fx.control.setBalance('0.0000');
    const queue = fx.queue({ attempts: 3, retryDelayMs: 50 });
    const events: string[] = [];
    fx.worker({ concurrency: 1, onChunk: (event) => events.push(event.outcome) });
    await queue.enqueueCampaign({ campaignId: 'given-up', recipients: uk(10), text: 'Hi' });
    const status = await settled(queue, 'given-up');
    expect(status).toMatchObject({ state: 'completed', counts: { failed: 10, accepted: 0 } });
    // The worker reports the last chunk event after recording it: the campaign's status
    // can be read first (on a cluster it was, once).
    await until(async () => events.length >= 3, 5_000);
    expect(events).toEqual(['retry', 'retry', 'failed']);
    const failures = (await queue.getCampaign('given-up'))?.failures.items ?? [];
    expect(new Set(failures.map((f) => f.code))).toEqual(new Set(['INSUFFICIENT_BALANCE']));
  });

  it('waits out an empty balance and sends once it is topped up', async () => {
    await fx.control.setBalance('0.0000');
    const queue = fx.queue();
    fx.worker({ concurrency: 1 });
    await queue.enqueueCampaign({ campaignId: 'broke', recipients: uk(100), text: 'Hi' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await queue.getCampaign('broke')).toMatchObject({
      state: 'sending',
      counts: { failed: 0 },
    });
    await fx.control.topUp('100');
    const status = await settled(queue, 'broke');
    expect(status?.counts).toMatchObject({ accepted: 100, failed: 0 });
  });

  it('gives a chunk whose job was lost a new one, and sends it once', async () => {
    const queue = fx.queue();
    await queue.enqueueCampaign({
      campaignId: 'lost-job',
      recipients: uk(300),
      text: 'Hi',
      chunkSize: 100,
    });
    // As if Redis had lost the job of chunk 1 while keeping the campaign's records.
    await queue.bullQueue.remove('lost-job-c1');
    expect(await queue.bullQueue.getWaitingCount()).toBe(2);
    fx.worker({ sweepIntervalMs: 200 });
    const status = await settled(queue, 'lost-job');
    expect(status?.counts).toMatchObject({ accepted: 300, queued: 0, unknown: 0 });
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(300);
    expect(eachOnce(counts)).toBe(true);
  });

  it('counts a refused submit as failed once its tries run out, with the reason per number', async () => {
    await fx.control.setBalance('0.0000');
    const queue = fx.queue({ attempts: 2, retryDelayMs: 10 });
    fx.worker();
    await queue.enqueueCampaign({ campaignId: 'refused', recipients: uk(3), text: 'Hi' });
    const status = await settled(queue, 'refused');
    expect(status?.counts).toMatchObject({ failed: 3, accepted: 0 });
    const page = await queue.getCampaign('refused');
    expect(page?.failures.items.map((f) => [f.kind, f.code])).toEqual([
      ['refused', 'INSUFFICIENT_BALANCE'],
      ['refused', 'INSUFFICIENT_BALANCE'],
      ['refused', 'INSUFFICIENT_BALANCE'],
    ]);
  });
});
