import type { Redis } from 'ioredis';
import type { CampaignStatus } from '../campaign/campaign-status.js';
import { activeCampaignsKey, CampaignKeys, campaignsKey } from './campaign-keys.js';
import { cancelCampaign, settleChunk, switchStatus } from './control-scripts.js';
import { addChunk, closeEnqueue, createCampaign, rejectRecipients } from './enqueue-scripts.js';
import { type FailuresPage, readCampaignStatus } from './read-campaign-status.js';
import { recordReceipts } from './receipt-scripts.js';
import { claimChunk, recordSubmit, releaseChunk } from './send-scripts.js';

/** A failures-set entry: its score (the recipient's index) and its JSON member. */
export type FailureEntry = readonly [score: number, member: string];

/** What a worker gets when it claims a chunk. */
export type Claim =
  | {
      readonly kind: 'go';
      readonly text: string;
      readonly channelId: string;
      readonly phones: string[];
      readonly indices: number[];
    }
  | { readonly kind: 'paused' | 'cancelled' | 'reconcile' | 'missing' }
  | { readonly kind: 'done'; readonly state: string };

/** The outcome of one chunk's submit, as recorded. */
export interface SubmitRecord {
  readonly state: 'submitted' | 'failed' | 'needs-reconciliation';
  readonly accepted: number;
  readonly failed: number;
  readonly rejected: number;
  readonly unknown: number;
  readonly batches: readonly {
    readonly id: string;
    readonly channelId: string;
    readonly size: number;
  }[];
  readonly error: string;
  readonly unknownPhones: readonly string[];
  readonly failures: readonly FailureEntry[];
}

/** The latest receipts of one batch. */
export interface ReceiptRecord {
  readonly delivered: number;
  readonly failed: number;
  readonly final: boolean;
  readonly expired: number;
  readonly size: number;
  readonly chunk: number;
  readonly failures: readonly FailureEntry[];
}

const flat = (entries: readonly FailureEntry[]) => entries.flat();

/** Each number of a stored chunk with its position in the campaign's recipients. */
export function recipientIndices(chunk: Record<string, string>): Map<string, number> {
  const phones = JSON.parse(chunk.phones || '[]') as string[];
  const indices = JSON.parse(chunk.indices || '[]') as number[];
  return new Map(phones.map((phone, i) => [phone, indices[i] as number]));
}

/**
 * Every state change of a campaign, each one Lua script, so that counters and chunk
 * states move together even with many workers and a Redis restart in between.
 */
export class CampaignStore {
  readonly redis: Redis;
  readonly #base: string;

  constructor(redis: Redis, base: string) {
    this.redis = redis;
    this.#base = base;
  }

  /** Key names of one campaign. */
  keys(campaignId: string): CampaignKeys {
    return new CampaignKeys(this.#base, campaignId);
  }

  /** The campaign's counters and one page of failures; undefined for an unknown campaign. */
  async status(campaignId: string, page?: FailuresPage): Promise<CampaignStatus | undefined> {
    return readCampaignStatus(this.redis, this.keys(campaignId), campaignId, page);
  }

  /** The stored fields of chunk n (recipients, state, batches, unknown numbers). */
  async chunk(campaignId: string, n: number): Promise<Record<string, string>> {
    return this.redis.hgetall(this.keys(campaignId).chunk(n));
  }

  /** The same fields of chunks 0 to `chunks - 1`, in one round trip. */
  async chunkFields(
    campaignId: string,
    chunks: number,
    fields: readonly string[],
  ): Promise<(string | null)[][]> {
    const keys = this.keys(campaignId);
    const pipeline = this.redis.pipeline();
    for (let n = 0; n < chunks; n++) pipeline.hmget(keys.chunk(n), ...fields);
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([error, values]) => {
      if (error) throw error;
      return values as (string | null)[];
    });
  }

  /** Chunk numbers waiting for reconciliation. */
  async reconcileList(campaignId: string): Promise<number[]> {
    const members = await this.redis.smembers(this.keys(campaignId).reconcile);
    return members.map(Number).sort((a, b) => a - b);
  }

  /** The lease held by the worker sweeping for lost jobs. */
  get sweepLeaseKey(): string {
    return `${this.#base}:sweep-lease`;
  }

  /** Campaigns that may still need a worker. */
  async activeCampaignIds(): Promise<string[]> {
    return this.redis.smembers(activeCampaignsKey(this.#base));
  }

  /** Marks a campaign as needing workers again (after a resend), or as done with them. */
  async setActive(campaignId: string, active: boolean): Promise<void> {
    const key = activeCampaignsKey(this.#base);
    await (active ? this.redis.sadd(key, campaignId) : this.redis.srem(key, campaignId));
  }

  /** Every campaign id of this queue. */
  async campaignIds(): Promise<string[]> {
    return this.redis.smembers(campaignsKey(this.#base));
  }

  /**
   * Creates the campaign unless it exists; returns its enqueue state and the chunking
   * (a JSON string) it was first enqueued with (`''` for campaigns older than that record).
   */
  async create(
    campaignId: string,
    chunking: string,
  ): Promise<{ state: 'new' | 'open' | 'closed'; chunking: string }> {
    const k = this.keys(campaignId);
    const [state, recorded] = (await createCampaign.run(
      this.redis,
      [k.campaign, campaignsKey(this.#base), activeCampaignsKey(this.#base)],
      [campaignId, Date.now(), chunking],
    )) as ['new' | 'open' | 'closed', string];
    return { state, chunking: recorded };
  }

  async addChunk(
    campaignId: string,
    n: number,
    chunk: {
      text: string;
      channelId: string;
      phones: readonly string[];
      indices: readonly number[];
    },
  ): Promise<boolean> {
    const k = this.keys(campaignId);
    const args = [n, chunk.phones.length, chunk.text, chunk.channelId];
    args.push(JSON.stringify(chunk.phones), JSON.stringify(chunk.indices), Date.now());
    return (await addChunk.run(this.redis, [k.campaign, k.chunk(n)], args)) === 1;
  }

  async reject(campaignId: string, entries: readonly FailureEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const k = this.keys(campaignId);
    await rejectRecipients.run(this.redis, [k.campaign, k.failures], flat(entries));
  }

  async close(campaignId: string, recipients: number, chunks: number): Promise<void> {
    const k = this.keys(campaignId);
    await closeEnqueue.run(this.redis, [k.campaign, k.events], [recipients, chunks, Date.now()]);
  }

  async claim(campaignId: string, n: number, attempt: string): Promise<Claim> {
    const k = this.keys(campaignId);
    const keys = [k.campaign, k.chunk(n), k.reconcile, k.events];
    const reply = (await claimChunk.run(this.redis, keys, [attempt, Date.now(), n])) as string[];
    const [kind, a, b, c, d] = reply;
    if (kind === 'go') {
      const phones = JSON.parse(c ?? '[]');
      return { kind, text: a ?? '', channelId: b ?? '', phones, indices: JSON.parse(d ?? '[]') };
    }
    if (kind === 'done') return { kind, state: a ?? '' };
    return { kind: kind as 'paused' | 'cancelled' | 'reconcile' | 'missing' };
  }

  async release(campaignId: string, n: number, attempt: string): Promise<void> {
    await releaseChunk.run(this.redis, [this.keys(campaignId).chunk(n)], [attempt, Date.now()]);
  }

  /** Returns false when this attempt no longer owns the chunk (nothing was recorded). */
  async record(
    campaignId: string,
    n: number,
    attempt: string,
    outcome: SubmitRecord,
  ): Promise<boolean> {
    const k = this.keys(campaignId);
    const keys = [k.campaign, k.chunk(n), k.reconcile, k.failures, k.events];
    const args = [attempt, Date.now(), n, outcome.state, outcome.accepted, outcome.failed];
    args.push(outcome.rejected, outcome.unknown, JSON.stringify(outcome.batches));
    args.push(outcome.batches.length, outcome.error, JSON.stringify(outcome.unknownPhones));
    return (await recordSubmit.run(this.redis, keys, [...args, ...flat(outcome.failures)])) === 1;
  }

  async recordReceipts(
    campaignId: string,
    batchId: string,
    receipts: ReceiptRecord,
  ): Promise<void> {
    const k = this.keys(campaignId);
    const args = [receipts.delivered, receipts.failed, receipts.final ? 1 : 0, receipts.expired];
    args.push(receipts.size, receipts.chunk, Date.now());
    await recordReceipts.run(
      this.redis,
      [k.campaign, k.batch(batchId), k.failures, k.events],
      [...args, ...flat(receipts.failures)],
    );
  }

  /** Returns the status after the switch, or undefined for an unknown campaign. */
  async switchStatus(campaignId: string, from: string, to: string): Promise<string | undefined> {
    const k = this.keys(campaignId);
    const status = await switchStatus.run(
      this.redis,
      [k.campaign, k.events],
      [from, to, Date.now()],
    );
    return (status as string | null) ?? undefined;
  }

  /** Returns the recipients cancelled, or -1 for an unknown campaign. */
  async cancel(campaignId: string): Promise<number> {
    const k = this.keys(campaignId);
    return (await cancelCampaign.run(
      this.redis,
      [k.campaign, k.events],
      [k.chunkPrefix, Date.now()],
    )) as number;
  }

  /** Settles a chunk needing reconciliation; returns the resend count, 0, or -1 if it needed none. */
  async settle(
    campaignId: string,
    n: number,
    decision: 'sent' | 'not-sent' | 'resend',
    indices: readonly number[],
    failures: readonly FailureEntry[],
  ): Promise<number> {
    const k = this.keys(campaignId);
    const keys = [k.campaign, k.chunk(n), k.reconcile, k.failures, k.events];
    const args = [n, decision, Date.now(), JSON.stringify(indices), ...flat(failures)];
    return (await settleChunk.run(this.redis, keys, args)) as number;
  }
}
