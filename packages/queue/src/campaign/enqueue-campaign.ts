import { type BulkSource, type ChannelId, SmsError } from '@intl-sms/core';
import type { Queue } from 'bullmq';
import type { RetryPolicy } from '../queue-jobs.js';
import type { CampaignStore } from '../store/campaign-store.js';
import { EnqueueLock } from '../store/enqueue-lock.js';
import { addChunks } from './add-chunks.js';
import { checkCampaignInput, MAX_CHUNK_SIZE } from './check-campaign-input.js';
import { checkSameChunking, chunkingOf, fingerprintOf } from './chunking-record.js';
import { checkSameCosts, costSettings } from './cost-settings.js';
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
  /**
   * Replace characters that force UCS-2 (curly quotes, dashes, ellipsis, odd spaces…) with
   * their GSM-7 look-alikes before each chunk is priced and submitted, when that makes the
   * whole text GSM-7 without more segments (core's `smartEncode`). Default: the queue's
   * `smartEncoding`, else the workers' transport setting (off unless set). Recorded with
   * the campaign at its first enqueue.
   */
  readonly smartEncoding?: boolean;
  /**
   * The most this campaign may cost, a decimal in the account's currency (`"250.00"`), exact.
   * Every worker prices a chunk before its submit (price of the channel it goes through ×
   * segments × recipients) and the claim in Redis commits that estimate only while the
   * committed total stays ≤ `maxCost`, atomically across all workers; the first chunk that
   * would cross it, and every chunk after it, is left unsent and counted as `budget`
   * (state `budget-exceeded`), as is a chunk whose price is unknown. Raise it with
   * `SmsQueue.setCampaignMaxCost` to send the rest. Recorded at the first enqueue.
   */
  readonly maxCost?: string | number;
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
  /** The queue's default `smartEncoding` for campaigns that give none. */
  readonly smartEncoding: boolean | undefined;
}

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
    const costs = costSettings(input, context.smartEncoding);
    const campaign = await store.create(
      campaignId,
      JSON.stringify(chunkingInputs),
      fingerprintOf(chunkingInputs),
      { retentionMs: context.retentionMs, ...context.retry, ...costs },
    );
    created = campaign.state;
    if (created !== 'new') checkSameCosts(campaignId, campaign, input);
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
    const chunking = { chunkSize, maxBuffered, resumed: created === 'open' };
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
