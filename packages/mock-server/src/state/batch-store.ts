import type { StoredBatch } from './batch.js';

/** Bounds on what the mock keeps, so long runs cannot grow the heap without limit. */
export interface BatchLimits {
  /** Most batches kept; the oldest go first. */
  readonly maxBatches: number;
  /** Most recipients kept over all batches; the oldest batches go first. */
  readonly maxRecipients: number;
  /** Batches older than this (real ms) are dropped. */
  readonly ttlMs: number;
}

/** Filters of the inspection API's message list. */
export interface BatchFilter {
  readonly account?: string | undefined;
  readonly phone?: string | undefined;
  readonly batchNo?: string | undefined;
  /** Calling code (`63`), ISO code (`PH`) or English name of the destination. */
  readonly country?: string | undefined;
  /** Part of the text, case-insensitive. */
  readonly text?: string | undefined;
}

/** The submitted batches, oldest first, bounded by {@link BatchLimits}. */
export class BatchStore {
  readonly #batches = new Map<string, StoredBatch>();
  readonly #limits: BatchLimits;
  #recipients = 0;

  constructor(limits: BatchLimits) {
    this.#limits = limits;
  }

  /** Number of batches kept now. */
  get size(): number {
    return this.#batches.size;
  }

  /** Number of recipients kept now, over all batches. */
  get recipientCount(): number {
    return this.#recipients;
  }

  /** Stores a batch, first dropping expired ones and the oldest beyond the limits. */
  add(batch: StoredBatch): void {
    this.#evict(batch.submittedAt, batch.phones.length);
    this.#batches.set(batch.batchNo, batch);
    this.#recipients += batch.phones.length;
  }

  /** The batch with this number, unless it expired. */
  get(batchNo: string): StoredBatch | undefined {
    const batch = this.#batches.get(batchNo);
    if (batch && Date.now() - batch.submittedAt > this.#limits.ttlMs) return undefined;
    return batch;
  }

  /** Batches matching `filter`, newest first. */
  *newestFirst(filter: BatchFilter = {}): Generator<StoredBatch> {
    const all = [...this.#batches.values()];
    const now = Date.now();
    for (let i = all.length - 1; i >= 0; i--) {
      const batch = all[i] as StoredBatch;
      if (now - batch.submittedAt > this.#limits.ttlMs) break;
      if (matches(batch, filter)) yield batch;
    }
  }

  /** Forgets every batch. */
  clear(): void {
    this.#batches.clear();
    this.#recipients = 0;
  }

  #evict(now: number, incoming: number): void {
    for (const [batchNo, batch] of this.#batches) {
      const tooMany =
        this.#batches.size >= this.#limits.maxBatches ||
        this.#recipients + incoming > this.#limits.maxRecipients;
      if (!tooMany && now - batch.submittedAt <= this.#limits.ttlMs) break;
      this.#batches.delete(batchNo);
      this.#recipients -= batch.phones.length;
    }
  }
}

/** Whether `batch` passes every filter given. */
export function matches(batch: StoredBatch, filter: BatchFilter): boolean {
  if (filter.batchNo && batch.batchNo !== filter.batchNo) return false;
  if (filter.account && batch.account !== filter.account) return false;
  if (filter.phone) {
    const phone = filter.phone.replace(/^\+/, '');
    if (!batch.phones.includes(phone)) return false;
  }
  if (filter.country) {
    const wanted = filter.country.replace(/^\+/, '').toLowerCase();
    const { countryCode, iso, nameEn } = batch.channel;
    if (wanted !== countryCode && wanted !== iso.toLowerCase() && wanted !== nameEn.toLowerCase())
      return false;
  }
  if (filter.text && !batch.content.toLowerCase().includes(filter.text.toLowerCase())) return false;
  return true;
}
