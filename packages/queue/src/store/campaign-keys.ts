/**
 * Redis key names of one campaign. Every key of a queue carries the same hash tag
 * (`{queue}`, or the prefix's own), so the Lua scripts that touch several of them also work
 * on Redis Cluster — each script is given every key it touches (none is built inside Lua).
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
  readonly #base: string;

  constructor(queueBase: string, campaignId: string) {
    this.#base = `${queueBase}:c:${campaignId}`;
    this.campaign = this.#base;
    this.failures = `${this.#base}:failures`;
    this.reconcile = `${this.#base}:reconcile`;
    this.events = `${this.#base}:events`;
    this.enqueueLock = `${this.#base}:lock`;
  }

  /** The hash of chunk `n`: its recipients, text and state. */
  chunk(n: number): string {
    return `${this.#base}:k:${n}`;
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

/** Sorted set of finished campaign ids, scored by when they expire (ms since the epoch). */
export function expiringCampaignsKey(base: string): string {
  return `${base}:expiring`;
}

/** The set of campaign ids with chunks waiting for reconciliation (the backlog metric). */
export function reconcilingCampaignsKey(base: string): string {
  return `${base}:reconciling`;
}
