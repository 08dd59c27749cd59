import { type BulkSource, type ChannelId, SmsError } from '@intl-sms/core';
import type { JobsOptions, Queue } from 'bullmq';
import { CampaignInputMismatchError } from '../errors/campaign-input-mismatch-error.js';
import {
  type RetryPolicy,
  SEND_JOB,
  type SendJobData,
  sendJobId,
  sendJobOptions,
} from '../queue-jobs.js';
import type { CampaignStore, FailureEntry, StoredChunk } from '../store/campaign-store.js';
import { chunkDigest, encodeIndices, encodePhones } from '../store/chunk-codec.js';
import { EnqueueLock } from '../store/enqueue-lock.js';
import { checkCampaignInput, MAX_CHUNK_SIZE } from './check-campaign-input.js';
import { chunkRecipients, type RecipientChunk } from './chunk-recipients.js';
import { checkSameChunking, chunkingOf, fingerprintOf } from './chunking-record.js';
import { readableSource } from './require-text.js';
import type { RouteCheck } from './route-check.js';

/** A campaign to enqueue. */
export interface CampaignInput {
  /** Your id for the campaign: enqueuing the same id again adds nothing. Letters, digits, `_ . @ -`. */
  readonly campaignId: string;
  /**
   * Numbers, or `{ to, text }` for a per-recipient text: an array, any iterable, an async
   * iterable or a readable stream in object mode. Read once, with bounded memory.
   *
   * The provider takes one text per submit, so every distinct text is at least one
   * submit of its own: one text (or a few templates) for many numbers batches up to
   * 10,000 numbers a submit; a personalised text per recipient makes one submit per
   * recipient.
   */
  readonly recipients: BulkSource;
  /**
   * The text of recipients without their own. Required unless recipients bring their own
   * (`ValidationError` on `text` when none does); a recipient without a text when others
   * have one is listed as a failure (kind `invalid`, code `NO_TEXT`), never dropped.
   */
  readonly text?: string;
  /** Send every chunk through this channel instead of routing by country. */
  readonly channelId?: ChannelId;
  /** ISO country for numbers written nationally. */
  readonly defaultCountry?: string;
  /** `valid` (default): numbers must fit their country's plan; `possible`: length only. */
  readonly phoneValidation?: 'valid' | 'possible';
  /** Most numbers per job (default and maximum 10,000, one submit). */
  readonly chunkSize?: number;
  /**
   * Most recipients held waiting for their chunk to fill (default 50,000; at least
   * `chunkSize`); beyond it the fullest chunk is queued before it is full.
   */
  readonly maxBuffered?: number;
  /**
   * Send a recipient that repeats an earlier one of the campaign (same number after
   * normalisation, same text) only once, whichever chunks they fall in (default true);
   * the repeat is listed as a failure of kind `rejected`, code `DUPLICATE`.
   */
  readonly dedupe?: boolean;
}

/** What `enqueueCampaign` did. */
export interface EnqueueResult {
  readonly campaignId: string;
  /** False when the campaign had been enqueued whole before: nothing was added. */
  readonly created: boolean;
  /** True when an earlier enqueue of this campaign stopped half-way and this one finished it. */
  readonly resumed: boolean;
  /** Recipients read. */
  readonly recipients: number;
  /** Recipients refused before queueing (invalid number, no text, no channel). */
  readonly rejected: number;
  /** Jobs (chunks) of the campaign: numbers of one country and one text each. */
  readonly chunks: number;
  /**
   * Submits (provider requests) the campaign takes: one per chunk, as the provider takes
   * one text and at most 10,000 numbers per submit. A submit refused and retried (rate
   * limit, empty balance) counts once here. With a personalised text per recipient,
   * about one per recipient.
   */
  readonly submits: number;
}

/** What enqueueing needs from the queue. */
export interface EnqueueContext {
  readonly store: CampaignStore;
  readonly queue: Queue;
  /** How submits that certainly sent nothing are retried (stored with the campaign). */
  readonly retry: RetryPolicy;
  /** Loads the enabled destinations, when the queue has a transport. */
  readonly routes: (() => Promise<RouteCheck>) | undefined;
  /** How long a campaign is kept once finished, in ms (stored with the campaign). */
  readonly retentionMs: number;
}

const JOBS_PER_ADD = 100;
const REFUSED_PER_WRITE = 1_000;

/** Splits a campaign's recipients into chunk records and send jobs. */
export async function enqueueCampaign(
  context: EnqueueContext,
  input: CampaignInput,
): Promise<EnqueueResult> {
  await checkCampaignInput(input);
  const { campaignId } = input;
  const chunkSize = input.chunkSize ?? MAX_CHUNK_SIZE;
  const maxBuffered = input.maxBuffered ?? 50_000;
  const source = await readableSource(input.recipients, input.text, maxBuffered);
  const { store } = context;
  const chunkingInputs = chunkingOf(input, chunkSize, maxBuffered);
  let created: Awaited<ReturnType<CampaignStore['create']>>['state'];
  try {
    const campaign = await store.create(
      campaignId,
      JSON.stringify(chunkingInputs),
      fingerprintOf(chunkingInputs),
      { retentionMs: context.retentionMs, ...context.retry },
    );
    created = campaign.state;
    if (created === 'open') checkSameChunking(campaignId, campaign, chunkingInputs);
  } catch (error) {
    await source.release();
    throw error;
  }
  if (created === 'closed') {
    await source.release();
    const status = await store.status(campaignId, { limit: 0 });
    return enqueueResult(campaignId, false, false, {
      recipients: status?.recipients ?? 0,
      rejected: status?.counts.rejected ?? 0,
      chunks: status?.chunks.total ?? 0,
    });
  }
  const lock = new EnqueueLock(store.redis, store.keys(campaignId).enqueueLock, campaignId);
  if (!(await lock.acquire())) {
    await source.release();
    throw new SmsError(
      'CAMPAIGN_BUSY',
      `Campaign ${campaignId} is being enqueued by another process`,
    );
  }
  try {
    const chunking = { chunkSize, maxBuffered };
    const counts = await addChunks(context, lock, input, source.recipients, chunking);
    if (!(await store.close(campaignId, lock, counts.recipients))) throw lock.lostError();
    return enqueueResult(campaignId, true, created === 'open', counts);
  } finally {
    await lock.release();
  }
}

/** Every chunk is one submit: the provider takes one text and at most 10,000 numbers per submit. */
function enqueueResult(
  campaignId: string,
  created: boolean,
  resumed: boolean,
  counts: { readonly recipients: number; readonly rejected: number; readonly chunks: number },
): EnqueueResult {
  const { recipients, rejected, chunks } = counts;
  return { campaignId, created, resumed, recipients, rejected, chunks, submits: chunks };
}

/**
 * Reads the recipients and stores their chunks. Chunks are numbered in the order the
 * chunker makes them, before any route check, so a resumed enqueue numbers them the same
 * even if a channel was enabled or disabled in between; a chunk refused for want of a
 * channel keeps its number as a small marker, and the first decision about it stands.
 */
async function addChunks(
  context: EnqueueContext,
  lock: EnqueueLock,
  input: CampaignInput,
  recipients: AsyncIterable<unknown>,
  chunking: { readonly chunkSize: number; readonly maxBuffered: number },
) {
  const { store, queue } = context;
  const { campaignId } = input;
  const routes = input.channelId === undefined ? await context.routes?.() : undefined;
  const channelId = input.channelId === undefined ? '' : String(input.channelId);
  let jobs: { name: string; data: SendJobData; opts: JobsOptions }[] = [];
  let refused: FailureEntry[] = [];
  let numbered = 0;
  let chunks = 0;
  let read = 0;
  let rejected = 0;
  const flushRefused = async () => {
    if (!(await store.reject(campaignId, lock, refused))) throw lock.lostError();
    refused = [];
  };
  const flushJobs = async () => {
    await queue.addBulk(jobs);
    jobs = [];
  };
  const source = chunkRecipients(recipients as BulkSource, {
    ...chunking,
    ...(input.text === undefined ? {} : { text: input.text }),
    ...(input.defaultCountry === undefined ? {} : { defaultCountry: input.defaultCountry }),
    ...(input.phoneValidation === undefined ? {} : { validation: input.phoneValidation }),
    dedupe: input.dedupe !== false,
  });
  for await (const item of source) {
    lock.check();
    if (item.kind === 'refused') {
      read++;
      rejected++;
      refused.push(item.entry);
      if (refused.length >= REFUSED_PER_WRITE) await flushRefused();
      continue;
    }
    const n = numbered++;
    read += item.phones.length;
    const stored = storedChunk(item, channelId);
    const routed = routes ? routes.split(item) : { chunk: item, refused: [] };
    const result = routed.chunk
      ? await store.addChunk(campaignId, lock, n, stored)
      : await store.addRejectedChunk(campaignId, lock, n, stored, routed.refused);
    if (result === 'lease') throw lock.lostError();
    if (result === 'mismatch') throw recipientsMismatch(campaignId, n);
    if (result === 'rejected') {
      rejected += item.phones.length;
      continue;
    }
    chunks++;
    const data: SendJobData = { campaignId, chunk: n };
    jobs.push({
      name: SEND_JOB,
      data,
      opts: sendJobOptions(sendJobId(campaignId, n)),
    });
    if (jobs.length >= JOBS_PER_ADD) await flushJobs();
  }
  await flushRefused();
  await flushJobs();
  return { chunks, recipients: read, rejected };
}

/** A chunk as stored: its numbers and positions encoded, with the digest a resume compares. */
function storedChunk(chunk: RecipientChunk, channelId: string): StoredChunk {
  const phones = encodePhones(chunk.phones);
  const indices = encodeIndices(chunk.indices);
  const digest = chunkDigest([chunk.text, channelId, phones, indices]);
  return { size: chunk.phones.length, digest, text: chunk.text, channelId, phones, indices };
}

function recipientsMismatch(campaignId: string, n: number): CampaignInputMismatchError {
  return new CampaignInputMismatchError(
    'recipients',
    `Campaign ${campaignId} was first enqueued with other recipients: its chunk ${n} holds other numbers (or the same in another order) than this enqueue makes. Finish its interrupted enqueue with the same recipients in the same order`,
  );
}
