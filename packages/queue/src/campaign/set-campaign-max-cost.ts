import type { Queue } from 'bullmq';
import { SEND_JOB, type SendJobData, sendJobId, sendJobOptions } from '../queue-jobs.js';
import { requeueBudgetChunks, setMaxCost } from '../store/budget-scripts.js';
import { type CampaignStore, CHUNKS_PER_READ } from '../store/campaign-store.js';

/**
 * Sets a campaign's `maxCost` (an exact decimal string, `''` for none) and queues again,
 * with new send jobs, every chunk that was left unsent for the budget: each is estimated
 * and checked against the new cap when a worker claims it, so a cap still too low stops
 * the campaign again at the first chunk that does not fit. Chunks are walked a few
 * hundred per script; a call cut short leaves the rest `budget`, and calling it again
 * finishes (the campaign is also put back on the sweeper's list, which gives a queued
 * chunk without a job its job). Returns the chunks queued again, or -1 for an unknown
 * campaign.
 */
export async function setCampaignMaxCost(
  store: CampaignStore,
  sendQueue: Queue,
  campaignId: string,
  maxCost: string,
): Promise<number> {
  const k = store.keys(campaignId);
  const numbered = (await setMaxCost.run(
    store.redis,
    [k.campaign, k.events],
    [maxCost, Date.now()],
  )) as number;
  if (numbered < 0) return -1;
  await store.setActive(campaignId, true);
  let requeued = 0;
  for (let from = 0; from < numbered; from += CHUNKS_PER_READ) {
    const numbers: number[] = [];
    for (let n = from; n < Math.min(numbered, from + CHUNKS_PER_READ); n++) numbers.push(n);
    const keys = [k.campaign, k.events, ...numbers.map((n) => k.chunk(n))];
    const reply = (await requeueBudgetChunks.run(store.redis, keys, [Date.now(), ...numbers])) as (
      | string
      | number
    )[];
    const jobs: { name: string; data: SendJobData; opts: ReturnType<typeof sendJobOptions> }[] = [];
    for (let i = 0; i < reply.length; i += 2) {
      const chunk = Number(reply[i]);
      const jobId = sendJobId(campaignId, chunk, Number(reply[i + 1]));
      jobs.push({ name: SEND_JOB, data: { campaignId, chunk }, opts: sendJobOptions(jobId) });
    }
    if (jobs.length > 0) await sendQueue.addBulk(jobs);
    requeued += jobs.length;
  }
  return requeued;
}
