import type { CampaignStatus } from '../campaign/campaign-status.js';
import { RETRY_DEFAULTS, type RetryPolicy } from '../queue-jobs.js';
import type { RedisClient } from '../redis-connection.js';
import { refuseForBudget } from './budget-scripts.js';
import {
  activeCampaignsKey,
  CampaignKeys,
  campaignsKey,
  expiringCampaignsKey,
  reconcilingCampaignsKey,
} from './campaign-keys.js';
import { decodeIndices, decodePhones } from './chunk-codec.js';
import { cancelCampaign, cancelChunks, settleChunk, switchStatus } from './control-scripts.js';
import {
  addChunk,
  addRejectedChunk,
  closeEnqueue,
  createCampaign,
  rejectRecipients,
} from './enqueue-scripts.js';
import { type FailuresPage, readCampaignStatus } from './read-campaign-status.js';
import { recordReceipts } from './receipt-scripts.js';
import { claimChunk, recordSubmit, releaseChunk } from './send-scripts.js';

/** A failures-set entry: its score (the recipient's index) and its JSON member. */
export type FailureEntry = readonly [score: number, member: string];

/** What a worker gets when it claims a chunk. */
export type Claim =
  | {
      readonly kind: 'go';
      /** Replicas of the Redis holding the claim: wait for one before submitting. */
      readonly replicas: number;
      readonly text: string;
      readonly channelId: string;
      readonly phones: string[];
      readonly indices: number[];
      /** Tries of this chunk that certainly sent nothing, so far. */
      readonly tries: number;
      /** The campaign's retry policy. */
      readonly retry: RetryPolicy;
      /** The campaign's `smartEncoding`; undefined leaves it to the transport's setting. */
      readonly smartEncoding: boolean | undefined;
      /**
       * With the campaign's `maxCost`: the estimate this claim committed against it, the
       * `maxCost` the submit is sent with (nothing dearer may leave); undefined without a cap.
       */
      readonly maxCost: string | undefined;
    }
  | {
      /** The campaign has a `maxCost`: estimate these numbers, then claim with the estimate. */
      readonly kind: 'estimate';
      readonly text: string;
      readonly channelId: string;
      readonly phones: string[];
      /** The chunk's generation the estimate is for (see {@link ChunkEstimate}). */
      readonly generation: string;
      readonly smartEncoding: boolean | undefined;
      readonly retryDelayMs: number;
    }
  | {
      /** Left unsent: over the campaign's `maxCost`, or its price unknown. */
      readonly kind: 'budget';
      readonly reason: string;
      /** Its numbers, now counted as `budget`. */
      readonly recipients: number;
    }
  | { readonly kind: 'paused' | 'cancelled' | 'reconcile' | 'missing' }
  | { readonly kind: 'done'; readonly state: string };

/**
 * What a chunk will cost, for the campaign's `maxCost`: an exact decimal, or `unknown`
 * (with why) when a price is missing; made for one generation of the chunk's numbers.
 */
export type ChunkEstimate =
  | { readonly cost: string; readonly generation: string }
  | { readonly cost: 'unknown'; readonly generation: string; readonly why: string };

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
    /** Price × segments × recipients, exact; absent when the channel's price is unknown. */
    readonly cost?: string;
  }[];
  /** The exact cost of the accepted batches (their known costs). */
  readonly cost: string;
  readonly error: string;
  /** Encoded as the chunk's numbers are (see `encodePhones`). */
  readonly unknownPhones: string;
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

/** A chunk to store: its digest, text, channel and encoded numbers and positions. */
export interface StoredChunk {
  readonly size: number;
  readonly digest: string;
  readonly text: string;
  readonly channelId: string;
  readonly phones: string;
  readonly indices: string;
}

/** The enqueue lease a write is fenced with (see `EnqueueLock`). */
export interface Lease {
  readonly key: string;
  readonly token: string;
}

/**
 * What storing a chunk did: `added` (queued), `rejected` (refused whole: no channel),
 * `exists` / `rejected` for a chunk stored before, `mismatch` when the chunk stored under
 * that number holds other recipients, `lease` when this process lost the enqueue lease
 * (nothing written).
 */
export type AddChunkResult = 'added' | 'exists' | 'rejected' | 'mismatch' | 'lease';

const flat = (entries: readonly FailureEntry[]) => entries.flat();

/** Each number of a stored chunk with its position in the campaign's recipients. */
export function recipientIndices(chunk: Record<string, string>): Map<string, number> {
  const phones = decodePhones(chunk.phones);
  const indices = decodeIndices(chunk.indices);
  return new Map(phones.map((phone, i) => [phone, indices[i] as number]));
}

/** A campaign's stored `smartEncoding` (`1`, `0`, `''`) as the message option. */
function smartEncodingOf(stored: unknown): boolean | undefined {
  return stored === '1' ? true : stored === '0' ? false : undefined;
}

/** Chunk numbers read per round trip when walking a campaign's chunks. */
export const CHUNKS_PER_READ = 500;

/**
 * Every state change of a campaign, each one Lua script, so that counters and chunk
 * states move together even with many workers and a Redis restart in between.
 */
export class CampaignStore {
  readonly redis: RedisClient;
  readonly base: string;

  constructor(redis: RedisClient, base: string) {
    this.redis = redis;
    this.base = base;
  }

  /** Key names of one campaign. */
  keys(campaignId: string): CampaignKeys {
    return new CampaignKeys(this.base, campaignId);
  }

  /** The campaign's counters and one page of failures; undefined for an unknown campaign. */
  async status(campaignId: string, page?: FailuresPage): Promise<CampaignStatus | undefined> {
    return readCampaignStatus(this.redis, this.keys(campaignId), campaignId, page);
  }

  /** The stored fields of chunk n (recipients, state, batches, unknown numbers). */
  async chunk(campaignId: string, n: number): Promise<Record<string, string>> {
    return this.redis.hgetall(this.keys(campaignId).chunk(n));
  }

  /** How many chunk numbers the campaign used (stored chunks and refused ones). */
  async numbered(campaignId: string): Promise<number> {
    const [numbered, chunks] = await this.redis.hmget(
      this.keys(campaignId).campaign,
      'numbered',
      'chunks',
    );
    return Number(numbered ?? chunks ?? 0);
  }

  /**
   * The same fields of every chunk of the campaign, a few hundred chunks per round trip
   * (a campaign of personalised texts has one chunk per recipient). Chunk numbers without
   * a record are skipped.
   */
  async *chunkFields(
    campaignId: string,
    fields: readonly string[],
  ): AsyncGenerator<[n: number, values: (string | null)[]]> {
    const keys = this.keys(campaignId);
    const numbered = await this.numbered(campaignId);
    for (let from = 0; from < numbered; from += CHUNKS_PER_READ) {
      const pipeline = this.redis.pipeline();
      const to = Math.min(numbered, from + CHUNKS_PER_READ);
      for (let n = from; n < to; n++) pipeline.hmget(keys.chunk(n), ...fields);
      const replies = (await pipeline.exec()) ?? [];
      for (const [i, [error, values]] of replies.entries()) {
        if (error) throw error;
        const row = values as (string | null)[];
        if (row.some((value) => value !== null)) yield [from + i, row];
      }
    }
  }

  /** Chunk numbers waiting for reconciliation. */
  async reconcileList(campaignId: string): Promise<number[]> {
    const members = await this.redis.smembers(this.keys(campaignId).reconcile);
    return members.map(Number).sort((a, b) => a - b);
  }

  /** The lease held by the worker sweeping for lost jobs. */
  get sweepLeaseKey(): string {
    return `${this.base}:sweep-lease`;
  }

  /** Campaigns that may still need a worker. */
  async activeCampaignIds(): Promise<string[]> {
    return this.redis.smembers(activeCampaignsKey(this.base));
  }

  /** Marks a campaign as needing workers again (after a resend), or as done with them. */
  async setActive(campaignId: string, active: boolean): Promise<void> {
    const key = activeCampaignsKey(this.base);
    await (active ? this.redis.sadd(key, campaignId) : this.redis.srem(key, campaignId));
  }

  /** Every campaign id of this queue. */
  async campaignIds(): Promise<string[]> {
    return this.redis.smembers(campaignsKey(this.base));
  }

  /** Campaigns with chunks waiting for reconciliation. */
  async reconcilingCampaignIds(): Promise<string[]> {
    return this.redis.smembers(reconcilingCampaignsKey(this.base));
  }

  /**
   * Sets when a finished campaign expires (its own `retention` after now), once: a
   * campaign already expiring keeps its time. Returns that time.
   */
  async scheduleExpiry(campaignId: string, now: number, fallbackMs: number): Promise<number> {
    const retention = Number(
      (await this.redis.hget(this.keys(campaignId).campaign, 'retention')) ?? fallbackMs,
    );
    const at = now + (Number.isFinite(retention) ? retention : fallbackMs);
    await this.redis
      .multi()
      .zadd(expiringCampaignsKey(this.base), 'NX', at, campaignId)
      .srem(activeCampaignsKey(this.base), campaignId)
      .exec();
    return at;
  }

  /** Takes a campaign off the expiry list and back to the sweeper's (it runs again). */
  async unscheduleExpiry(campaignId: string): Promise<void> {
    await this.redis
      .multi()
      .zrem(expiringCampaignsKey(this.base), campaignId)
      .sadd(activeCampaignsKey(this.base), campaignId)
      .exec();
  }

  /** Campaigns whose expiry time has passed, at most `limit`. */
  async expiredCampaignIds(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(
      expiringCampaignsKey(this.base),
      '-inf',
      now,
      'LIMIT',
      0,
      limit,
    );
  }

  /** Takes a campaign off every list of the queue (the first step of deleting it). */
  async forget(campaignId: string): Promise<void> {
    await this.redis
      .multi()
      .srem(campaignsKey(this.base), campaignId)
      .srem(activeCampaignsKey(this.base), campaignId)
      .srem(reconcilingCampaignsKey(this.base), campaignId)
      .zrem(expiringCampaignsKey(this.base), campaignId)
      .exec();
  }

  /**
   * Creates the campaign unless it exists; returns its enqueue state with the chunking
   * (JSON) and fingerprint it was first enqueued with (`''` for older campaigns).
   */
  async create(
    campaignId: string,
    chunking: string,
    fingerprint: string,
    kept: {
      readonly retentionMs: number;
      readonly maxCost: string;
      readonly smartEncoding: string;
    } & RetryPolicy,
  ): Promise<{
    state: 'new' | 'open' | 'closed';
    chunking: string;
    fingerprint: string;
    maxCost: string;
    smartEncoding: string;
  }> {
    const k = this.keys(campaignId);
    const args = [campaignId, Date.now(), chunking, fingerprint, kept.retentionMs];
    args.push(kept.attempts, kept.retryDelayMs, kept.maxCost, kept.smartEncoding);
    const [state, recorded, recordedFingerprint, maxCost, smartEncoding] =
      (await createCampaign.run(
        this.redis,
        [k.campaign, campaignsKey(this.base), activeCampaignsKey(this.base)],
        args,
      )) as ['new' | 'open' | 'closed', string, string, string, string];
    return { state, chunking: recorded, fingerprint: recordedFingerprint, maxCost, smartEncoding };
  }

  async addChunk(
    campaignId: string,
    lease: Lease,
    n: number,
    chunk: StoredChunk,
  ): Promise<AddChunkResult> {
    const k = this.keys(campaignId);
    const args = [lease.token, n, chunk.size, chunk.digest, chunk.text, chunk.channelId];
    args.push(chunk.phones, chunk.indices, Date.now());
    return (await addChunk.run(
      this.redis,
      [k.campaign, k.chunk(n), lease.key],
      args,
    )) as AddChunkResult;
  }

  async addRejectedChunk(
    campaignId: string,
    lease: Lease,
    n: number,
    chunk: { readonly size: number; readonly digest: string },
    entries: readonly FailureEntry[],
  ): Promise<AddChunkResult> {
    const k = this.keys(campaignId);
    const args = [lease.token, n, chunk.size, chunk.digest, Date.now(), ...flat(entries)];
    const keys = [k.campaign, k.chunk(n), lease.key, k.failures];
    return (await addRejectedChunk.run(this.redis, keys, args)) as AddChunkResult;
  }

  /** Returns false when this process no longer holds the enqueue lease. */
  async reject(
    campaignId: string,
    lease: Lease,
    entries: readonly FailureEntry[],
  ): Promise<boolean> {
    if (entries.length === 0) return true;
    const k = this.keys(campaignId);
    const keys = [k.campaign, k.failures, lease.key];
    return (
      ((await rejectRecipients.run(this.redis, keys, [lease.token, ...flat(entries)])) as number) >=
      0
    );
  }

  /** Returns false when this process no longer holds the enqueue lease. */
  async close(campaignId: string, lease: Lease, recipients: number): Promise<boolean> {
    const k = this.keys(campaignId);
    const keys = [k.campaign, k.events, lease.key];
    return (await closeEnqueue.run(this.redis, keys, [lease.token, recipients, Date.now()])) === 1;
  }

  /**
   * Claims chunk n for this attempt; with the campaign's `maxCost`, `estimate` is what
   * the chunk will cost, checked and committed in the same script (see `claimChunk`).
   */
  async claim(
    campaignId: string,
    n: number,
    attempt: string,
    estimate?: ChunkEstimate,
  ): Promise<Claim> {
    const k = this.keys(campaignId);
    const keys = [
      k.campaign,
      k.chunk(n),
      k.reconcile,
      k.events,
      reconcilingCampaignsKey(this.base),
    ];
    const args = [
      attempt,
      Date.now(),
      n,
      campaignId,
      estimate?.cost ?? '',
      estimate?.generation ?? '',
    ];
    args.push(estimate && 'why' in estimate ? estimate.why : '');
    const reply = (await claimChunk.run(this.redis, keys, args)) as (string | number | null)[];
    const [kind, replicas, text, channelId, phones, indices, tries, attempts, delay, smart, cap] =
      reply;
    if (kind === 'estimate') {
      return {
        kind,
        text: String(replicas ?? ''),
        channelId: String(text ?? ''),
        phones: decodePhones(channelId as string),
        generation: String(indices ?? '0'),
        smartEncoding: smartEncodingOf(tries),
        retryDelayMs: Number(attempts) || RETRY_DEFAULTS.retryDelayMs,
      };
    }
    if (kind === 'budget')
      return { kind, reason: String(replicas ?? ''), recipients: Number(text) };
    if (kind === 'go') {
      return {
        kind,
        replicas: Number(replicas),
        text: String(text ?? ''),
        channelId: String(channelId ?? ''),
        phones: decodePhones(phones as string),
        indices: decodeIndices(indices as string),
        tries: Number(tries ?? 0),
        retry: {
          attempts: Number(attempts) || RETRY_DEFAULTS.attempts,
          retryDelayMs: Number(delay) || RETRY_DEFAULTS.retryDelayMs,
        },
        smartEncoding: smartEncodingOf(smart),
        maxCost: cap ? String(cap) : undefined,
      };
    }
    if (kind === 'done') return { kind, state: String(replicas ?? '') };
    return { kind: kind as 'paused' | 'cancelled' | 'reconcile' | 'missing' };
  }

  /**
   * Books a claimed chunk whose submit the transport refused for its `maxCost` (nothing
   * was sent) as left unsent for the budget, and stops the campaign at its budget (see
   * `refuseForBudget`). Returns false when this attempt no longer owns the chunk.
   */
  async refuseForBudget(
    campaignId: string,
    n: number,
    attempt: string,
    reason: string,
  ): Promise<boolean> {
    const k = this.keys(campaignId);
    const keys = [k.campaign, k.chunk(n), k.reconcile, k.events];
    keys.push(reconcilingCampaignsKey(this.base));
    const args = [attempt, Date.now(), n, campaignId, reason];
    return (await refuseForBudget.run(this.redis, keys, args)) === 1;
  }

  /** Gives a claimed chunk back; `countTry` counts it against the campaign's attempts. */
  async release(campaignId: string, n: number, attempt: string, countTry: boolean): Promise<void> {
    const args = [attempt, Date.now(), countTry ? 1 : 0];
    const k = this.keys(campaignId);
    await releaseChunk.run(this.redis, [k.campaign, k.chunk(n)], args);
  }

  /**
   * Records a submit's outcome; `tracked` false when no receipts will be polled for its
   * batches. Returns false when this attempt no longer owns the chunk (nothing recorded).
   */
  async record(
    campaignId: string,
    n: number,
    attempt: string,
    outcome: SubmitRecord,
    tracked: boolean,
  ): Promise<boolean> {
    const k = this.keys(campaignId);
    const keys = [k.campaign, k.chunk(n), k.reconcile, k.failures, k.events];
    keys.push(reconcilingCampaignsKey(this.base));
    const args = [attempt, Date.now(), n, outcome.state, outcome.accepted, outcome.failed];
    // A batch's cost goes apart from the batches JSON (see recordSubmit).
    const stored = outcome.batches.map(({ cost: _cost, ...batch }) => batch);
    args.push(outcome.rejected, outcome.unknown, JSON.stringify(stored));
    args.push(outcome.batches.length, outcome.error, outcome.unknownPhones);
    args.push(tracked ? 1 : 0, campaignId, outcome.cost);
    args.push(outcome.batches.map((batch) => batch.cost ?? '').join(','));
    return (await recordSubmit.run(this.redis, keys, [...args, ...flat(outcome.failures)])) === 1;
  }

  /** Returns false when the campaign no longer exists (it was deleted). */
  async recordReceipts(
    campaignId: string,
    batchId: string,
    receipts: ReceiptRecord,
  ): Promise<boolean> {
    const k = this.keys(campaignId);
    const args = [receipts.delivered, receipts.failed, receipts.final ? 1 : 0, receipts.expired];
    args.push(receipts.size, receipts.chunk, Date.now());
    const result = await recordReceipts.run(
      this.redis,
      [k.campaign, k.batch(batchId), k.failures, k.events],
      [...args, ...flat(receipts.failures)],
    );
    return result !== -1;
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

  /**
   * Cancels the campaign, then its queued chunks a few hundred at a time (each batch one
   * script given its chunk keys). Returns the recipients cancelled, or -1 for an unknown
   * campaign. Workers cancel a queued chunk themselves when they take it, so a cancel cut
   * short is finished by them, or by calling this again.
   */
  async cancel(campaignId: string): Promise<number> {
    const k = this.keys(campaignId);
    const numbered = (await cancelCampaign.run(
      this.redis,
      [k.campaign, k.events],
      [Date.now()],
    )) as number;
    if (numbered < 0) return -1;
    let cancelled = 0;
    for (let from = 0; from < numbered; from += CHUNKS_PER_READ) {
      const chunkKeys: string[] = [];
      for (let n = from; n < Math.min(numbered, from + CHUNKS_PER_READ); n++)
        chunkKeys.push(k.chunk(n));
      const keys = [k.campaign, k.events, ...chunkKeys];
      cancelled += (await cancelChunks.run(this.redis, keys, [Date.now()])) as number;
    }
    return cancelled;
  }

  /** Settles a chunk needing reconciliation; returns the resend count, 0, or -1 if it needed none. */
  async settle(
    campaignId: string,
    n: number,
    decision: 'sent' | 'not-sent' | 'resend',
    indices: string,
    failures: readonly FailureEntry[],
  ): Promise<number> {
    const k = this.keys(campaignId);
    const keys = [k.campaign, k.chunk(n), k.reconcile, k.failures, k.events];
    keys.push(reconcilingCampaignsKey(this.base));
    const args = [n, decision, Date.now(), indices, campaignId, ...flat(failures)];
    return (await settleChunk.run(this.redis, keys, args)) as number;
  }
}
