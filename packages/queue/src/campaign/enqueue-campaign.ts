import { type BulkSource, type ChannelId, SmsError, ValidationError } from '@intl-sms/core';
import type { JobsOptions, Queue } from 'bullmq';
import { checkCampaignId, SEND_JOB, type SendJobData, sendJobId } from '../queue-jobs.js';
import type { CampaignStore, FailureEntry } from '../store/campaign-store.js';
import { EnqueueLock } from '../store/enqueue-lock.js';
import { chunkRecipients } from './chunk-recipients.js';
import type { RouteCheck } from './route-check.js';

/** A campaign to enqueue. */
export interface CampaignInput {
  /** Your id for the campaign: enqueuing the same id again adds nothing. Letters, digits, `_ . @ -`. */
  readonly campaignId: string;
  /**
   * Numbers, or `{ to, text }` for a per-recipient text: an array, any iterable, an async
   * iterable or a readable stream in object mode. Read once, with bounded memory.
   */
  readonly recipients: BulkSource;
  /** The text of recipients without their own. */
  readonly text?: string;
  /** Send every chunk through this channel instead of routing by country. */
  readonly channelId?: ChannelId;
  /** ISO country for numbers written nationally. */
  readonly defaultCountry?: string;
  /** `valid` (default): numbers must fit their country's plan; `possible`: length only. */
  readonly phoneValidation?: 'valid' | 'possible';
  /** Most numbers per job (default and maximum 10,000, one submit). */
  readonly chunkSize?: number;
  /** Most recipients held waiting for their chunk to fill (default 50,000). */
  readonly maxBuffered?: number;
}

/** What `enqueueCampaign` did. */
export interface EnqueueResult {
  readonly campaignId: string;
  /** False when the campaign had been enqueued whole before: nothing was added. */
  readonly created: boolean;
  /** True when an earlier enqueue of this campaign stopped half-way and this one finished it. */
  readonly resumed: boolean;
  /** Jobs (chunks) of the campaign. */
  readonly chunks: number;
  /** Recipients read. */
  readonly recipients: number;
  /** Recipients refused before queueing (invalid number, no text, no channel). */
  readonly rejected: number;
}

/** What enqueueing needs from the queue. */
export interface EnqueueContext {
  readonly store: CampaignStore;
  readonly queue: Queue;
  readonly jobOptions: JobsOptions;
  /** Loads the enabled destinations, when the queue has a transport. */
  readonly routes: (() => Promise<RouteCheck>) | undefined;
}

const JOBS_PER_ADD = 100;
const REFUSED_PER_WRITE = 1_000;

/** Splits a campaign's recipients into chunk records and send jobs. */
export async function enqueueCampaign(
  context: EnqueueContext,
  input: CampaignInput,
): Promise<EnqueueResult> {
  const campaignId = checkCampaignId(input?.campaignId);
  const chunkSize = input.chunkSize ?? 10_000;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 10_000)
    throw new ValidationError('chunkSize', 'chunkSize must be an integer from 1 to 10000');
  if (input.recipients === null || typeof input.recipients !== 'object')
    throw new ValidationError('recipients', 'recipients must be an iterable or async iterable');
  if (input.text !== undefined && (typeof input.text !== 'string' || input.text.length === 0))
    throw new ValidationError('text', 'text must be a non-empty string');
  const { store } = context;
  const created = await store.create(campaignId);
  if (created === 'closed') {
    const status = await store.status(campaignId, { limit: 0 });
    return {
      campaignId,
      created: false,
      resumed: false,
      chunks: status?.chunks.total ?? 0,
      recipients: status?.recipients ?? 0,
      rejected: status?.counts.rejected ?? 0,
    };
  }
  const lock = new EnqueueLock(store.redis, store.keys(campaignId).enqueueLock);
  if (!(await lock.acquire())) {
    throw new SmsError(
      'CAMPAIGN_BUSY',
      `Campaign ${campaignId} is being enqueued by another process`,
    );
  }
  try {
    const counts = await addChunks(context, campaignId, input, chunkSize);
    await store.close(campaignId, counts.recipients, counts.chunks);
    return { campaignId, created: true, resumed: created === 'open', ...counts };
  } finally {
    await lock.release();
  }
}

async function addChunks(
  context: EnqueueContext,
  campaignId: string,
  input: CampaignInput,
  chunkSize: number,
) {
  const { store, queue } = context;
  const routes = input.channelId === undefined ? await context.routes?.() : undefined;
  const channelId = input.channelId === undefined ? '' : String(input.channelId);
  let jobs: { name: string; data: SendJobData; opts: JobsOptions }[] = [];
  let refused: FailureEntry[] = [];
  let chunks = 0;
  let recipients = 0;
  let rejected = 0;
  const flushRefused = async () => {
    await store.reject(campaignId, refused);
    refused = [];
  };
  const flushJobs = async () => {
    await queue.addBulk(jobs);
    jobs = [];
  };
  const source = chunkRecipients(input.recipients, {
    chunkSize,
    maxBuffered: Math.max(chunkSize, input.maxBuffered ?? 50_000),
    ...(input.text === undefined ? {} : { text: input.text }),
    ...(input.defaultCountry === undefined ? {} : { defaultCountry: input.defaultCountry }),
    ...(input.phoneValidation === undefined ? {} : { validation: input.phoneValidation }),
  });
  for await (const item of source) {
    if (item.kind === 'refused') {
      recipients++;
      rejected++;
      refused.push(item.entry);
      if (refused.length >= REFUSED_PER_WRITE) await flushRefused();
      continue;
    }
    recipients += item.phones.length;
    const routed = routes ? routes.split(item) : { chunk: item, refused: [] };
    rejected += routed.refused.length;
    refused.push(...routed.refused);
    if (!routed.chunk) continue;
    const n = chunks++;
    await store.addChunk(campaignId, n, { ...routed.chunk, channelId });
    const data: SendJobData = { campaignId, chunk: n };
    jobs.push({
      name: SEND_JOB,
      data,
      opts: { ...context.jobOptions, jobId: sendJobId(campaignId, n) },
    });
    if (jobs.length >= JOBS_PER_ADD) await flushJobs();
  }
  await flushRefused();
  await flushJobs();
  return { chunks, recipients, rejected };
}
