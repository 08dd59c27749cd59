import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachOnce, submittedCounts } from './test-support/mock-inspection.js';
import { numbers } from './test-support/numbers.js';
import { type QueueFixture, settled, startQueueFixture } from './test-support/queue-fixture.js';

let fx: QueueFixture;
beforeAll(async () => {
  fx = await startQueueFixture();
});
afterAll(async () => {
  await fx?.close();
});

describe('closing a worker', () => {
  it('waits for the submit in flight, records it, and leaves the rest to the next worker', async () => {
    await fx.control.faults([{ endpoint: 'submit', type: 'latency', delayMs: 400 }]);
    const queue = fx.queue();
    await queue.enqueueCampaign({
      campaignId: 'deploy',
      recipients: numbers('+447400', 300, 6),
      text: 'Hi',
      chunkSize: 100,
    });
    const first = fx.worker({ concurrency: 1 });
    // Wait until the first submit is on its way (the mock has not answered yet).
    while ((await queue.bullQueue.getActiveCount()) === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await first.close();
    const afterClose = await queue.getCampaign('deploy');
    expect(afterClose?.counts).toMatchObject({ accepted: 100, queued: 200, unknown: 0 });
    expect((await submittedCounts(fx.mock.url)).size).toBe(100);

    await fx.control.faults([]);
    fx.worker();
    const status = await settled(queue, 'deploy');
    expect(status).toMatchObject({ state: 'completed', counts: { accepted: 300, unknown: 0 } });
    const counts = await submittedCounts(fx.mock.url);
    expect(counts.size).toBe(300);
    expect(eachOnce(counts)).toBe(true);
  });
});
