import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eachOnce, submittedCounts } from './test-support/mock-inspection.js';
import { numbers } from './test-support/numbers.js';
import { type QueueFixture, settled, startQueueFixture } from './test-support/queue-fixture.js';

let fx: QueueFixture;
beforeAll(async () => {
  fx = await startQueueFixture();
});
afterEach(async () => {
  await fx.control.faults([]);
  await fx.control.clearMessages();
});
afterAll(async () => {
  await fx?.close();
});

const uk = (count: number) => numbers('+447400', count, 6);

describe('submits whose outcome is unknown', () => {
  it('are never retried on their own, and reconcile() settles them as you decide', async () => {
    // The mock processes the first submit, then resets the connection: the worker cannot
    // know it was accepted.
    await fx.control.faults([{ endpoint: 'submit', type: 'reset', times: 1 }]);
    const queue = fx.queue();
    fx.worker({ concurrency: 1 });
    await queue.enqueueCampaign({
      campaignId: 'lost',
      recipients: uk(300),
      text: 'Hi',
      chunkSize: 100,
    });
    const status = await settled(queue, 'lost');
    expect(status).toMatchObject({
      state: 'needs-reconciliation',
      needsReconciliation: 1,
      counts: { accepted: 200, unknown: 100 },
    });
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(300); // the reset submit did land, once
    expect(eachOnce(counts)).toBe(true);

    const report = await queue.reconcile('lost');
    expect(report).toMatchObject({ sent: 0, kept: 100 });
    expect(report.items).toHaveLength(1);
    expect(report.items[0]).toMatchObject({ chunk: 0, decision: 'keep', text: 'Hi' });
    expect(report.items[0]?.phones).toHaveLength(100);
    expect(report.items[0]?.error).toMatch(/may or may not have been accepted/);

    // A decision outside the four is refused, and changes nothing.
    const bogus = queue.reconcile('lost', {
      // biome-ignore lint/suspicious/noExplicitAny: a JavaScript caller's typo
      decide: () => 'snet' as any,
      minAgeMs: 0,
    });
    await expect(bogus).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'decide' });
    expect(await queue.getCampaign('lost')).toMatchObject({ counts: { unknown: 100 } });

    // Checked at the provider: those 100 were accepted.
    const settledReport = await queue.reconcile('lost', { decide: () => 'sent', minAgeMs: 0 });
    expect(settledReport).toMatchObject({ sent: 100, kept: 0 });
    expect(await queue.getCampaign('lost')).toMatchObject({
      state: 'completed',
      needsReconciliation: 0,
      counts: { accepted: 300, unknown: 0, untracked: 100 },
    });
  });

  it('resend submits again only the numbers you released, and only when you say so', async () => {
    // A dropped connection before the mock processed anything: unknown to the worker.
    await fx.control.faults([{ endpoint: 'submit', type: 'drop', times: 1 }]);
    const queue = fx.queue();
    fx.worker({ concurrency: 1 });
    await queue.enqueueCampaign({
      campaignId: 'dropped',
      recipients: uk(200),
      text: 'Hi',
      chunkSize: 100,
    });
    await settled(queue, 'dropped');
    expect((await submittedCounts(fx.mock.url)).size).toBe(100);

    const listed = await queue.reconcile('dropped'); // without decide: only a report
    expect(listed).toMatchObject({ resent: 0, kept: 100 });
    // The worker recorded the unknown outcome itself: nothing more will come, so the item
    // can be decided at once, whatever minAgeMs says.
    expect(listed.items[0]?.workerStopped).toBe(false);

    const report = await queue.reconcile('dropped', { decide: () => 'resend' });
    expect(report).toMatchObject({ resent: 100 });
    const status = await settled(queue, 'dropped');
    expect(status).toMatchObject({ state: 'completed', counts: { accepted: 200, unknown: 0 } });
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(200);
    expect(eachOnce(counts)).toBe(true);
  });

  it('not-sent puts the numbers in the failures list', async () => {
    await fx.control.faults([{ endpoint: 'submit', type: 'drop', times: 1 }]);
    const queue = fx.queue();
    fx.worker({ concurrency: 1 });
    await queue.enqueueCampaign({ campaignId: 'gone', recipients: uk(3), text: 'Hi' });
    await settled(queue, 'gone');
    await queue.reconcile('gone', { decide: () => 'not-sent', minAgeMs: 0 });
    const status = await queue.getCampaign('gone');
    expect(status).toMatchObject({ state: 'completed', counts: { failed: 3, unknown: 0 } });
    expect(status?.failures.items.map((f) => [f.index, f.kind])).toEqual([
      [0, 'not-sent'],
      [1, 'not-sent'],
      [2, 'not-sent'],
    ]);
  });
});
