/**
 * Redis key names of one campaign. Every key of a queue carries the same hash tag
 * (`{queue}`), so the Lua scripts that touch several of them also work on Redis Cluster.
 */
export class CampaignKeys {
  /** The campaign's hash: status and counters. */
  readonly campaign: string;
  /** Sorted set of failed and rejected recipients, scored by their source index. */
  readonly failures: string;
  /** Set of chunk numbers whose submit outcome is unknown. */
  readonly reconcile: string;
  /** Pub/sub channel told about every change. */
  readonly events: string;
  /** Held while one process enqueues the campaign. */
  readonly enqueueLock: string;
  /** Prefix of the chunk hashes: the chunk number follows. */
  readonly chunkPrefix: string;
  readonly #base: string;

  constructor(queueBase: string, campaignId: string) {
    this.#base = `${queueBase}:c:${campaignId}`;
    this.campaign = this.#base;
    this.failures = `${this.#base}:failures`;
    this.reconcile = `${this.#base}:reconcile`;
    this.events = `${this.#base}:events`;
    this.enqueueLock = `${this.#base}:lock`;
    this.chunkPrefix = `${this.#base}:k:`;
  }

  /** The hash of chunk `n`: its recipients, text and state. */
  chunk(n: number): string {
    return `${this.chunkPrefix}${n}`;
  }

  /** The hash of one accepted batch: its receipt counts. */
  batch(batchId: string): string {
    return `${this.#base}:b:${batchId}`;
  }
}

/** The key prefix of everything a queue stores besides BullMQ's own keys. */
export function queueBase(prefix: string, queueName: string): string {
  return `${prefix}:{${queueName}}`;
}

/** The set of every campaign id of a queue. */
export function campaignsKey(base: string): string {
  return `${base}:campaigns`;
}

/** The set of campaign ids that may still need a worker (the sweeper's to-do list). */
export function activeCampaignsKey(base: string): string {
  return `${base}:active`;
}
