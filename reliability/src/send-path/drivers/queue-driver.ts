import { createSmsQueue, createSmsWorker } from '@intl-sms/queue';
import { BookKeeper, type Books } from '../books.js';
import type { Harness } from '../harness.js';
import type { Scenario } from '../scenario.js';

const noHooks = { onResponse: false, onError: false, logger: false };
let campaigns = 0;

/**
 * A queue campaign (`@intl-sms/queue`, real Redis): the drawn recipients enqueued in
 * chunks of the drawn size, one worker in this process, waited on until the campaign is
 * final. Books: the campaign's failures (by kind), its unknown chunks (`reconcile` without
 * a decision only reports them), and everyone else accepted.
 */
export async function queueCampaign(
  h: Harness,
  scenario: Scenario,
  redisUrl: string,
): Promise<Books> {
  const name = `property-${process.pid}-${campaigns++}`;
  // The producer's route check is not under test: it gets time enough on a loaded machine.
  const queueTransport = h.transport(0, noHooks, 5_000);
  const workerTransport = h.transport(0, scenario.hooks);
  const queue = createSmsQueue({
    connection: redisUrl,
    name,
    transport: queueTransport,
    attempts: 2,
    retryDelayMs: 5,
  });
  const worker = createSmsWorker({
    connection: redisUrl,
    name,
    transport: workerTransport,
    receipts: false,
    concurrency: scenario.bulk.concurrency,
    sweepIntervalMs: false,
    onError: () => undefined,
  });
  const keeper = new BookKeeper(scenario.recipients.length);
  try {
    const campaignId = 'campaign';
    // An enqueue that failed half-way is finished by the next call (as an app would retry).
    const input = {
      campaignId,
      recipients: scenario.recipients.map((r) => r.input),
      text: scenario.text,
      chunkSize: scenario.bulk.chunkSize,
    };
    let enqueued = false;
    for (let attempt = 1; attempt <= 4 && !enqueued; attempt++)
      enqueued = await queue.enqueueCampaign(input).then(
        () => true,
        () => false,
      );
    if (!enqueued) throw new Error('the campaign could not be enqueued in 4 attempts');
    const until = { intervalMs: 10, until: 'sent' as const }; // receipts are not polled here
    for await (const status of queue.watchCampaign(campaignId, until)) void status;
    const status = await queue.getCampaign(campaignId, { offset: 0, limit: 1000 });
    for (const failure of status?.failures.items ?? []) {
      if (failure.kind === 'undelivered') continue;
      const bucket =
        failure.code === 'DUPLICATE'
          ? 'duplicate'
          : failure.kind === 'invalid' || failure.kind === 'rejected'
            ? 'rejected'
            : 'failed';
      keeper.book(failure.index, bucket);
    }
    const { items } = await queue.reconcile(campaignId, { minAgeMs: 0 });
    for (const item of items) for (const index of item.indices) keeper.book(index, 'unknown');
    for (let index = 0; index < scenario.recipients.length; index++)
      if (keeper.buckets[index] === undefined) keeper.book(index, 'accepted');
    if (status && status.counts.queued + status.counts.cancelled > 0)
      keeper.problems.push(`campaign ended ${status.state} with recipients still queued`);
  } finally {
    await worker.close({ timeoutMs: 2_000 });
    await queue.close();
    await Promise.all([queueTransport.close(), workerTransport.close()]);
  }
  return keeper.books();
}
