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
  /**
   * The same batches in arrival order from `#head` on (eviction only ever drops the
   * oldest), so the newest page is read without visiting the rest.
   */
  #order: (StoredBatch | undefined)[] = [];
  #head = 0;
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
    this.#order.push(batch);
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
    const order = this.#order;
    const now = Date.now();
    for (let i = order.length - 1; i >= this.#head; i--) {
      const batch = order[i] as StoredBatch;
      if (now - batch.submittedAt > this.#limits.ttlMs) break;
      if (matches(batch, filter)) yield batch;
    }
  }

  /**
   * The unexpired batches, newest first, from `offset` on (at most `limit`), and how many
   * there are: O(log stored + limit), however many batches are kept.
   */
  newestPage(offset: number, limit: number): { total: number; batches: StoredBatch[] } {
    const order = this.#order;
    const oldest = Date.now() - this.#limits.ttlMs;
    // Arrival order is submission order: binary search for the oldest unexpired batch.
    let low = this.#head;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((order[middle] as StoredBatch).submittedAt < oldest) low = middle + 1;
      else high = middle;
    }
    const batches: StoredBatch[] = [];
    for (let i = order.length - 1 - offset; i >= low && batches.length < limit; i--)
      batches.push(order[i] as StoredBatch);
    return { total: order.length - low, batches };
  }

  /** Forgets every batch. */
  clear(): void {
    this.#batches.clear();
    this.#order = [];
    this.#head = 0;
    this.#recipients = 0;
  }

  #evict(now: number, incoming: number): void {
    for (const [batchNo, batch] of this.#batches) {
      const tooMany =
        this.#batches.size >= this.#limits.maxBatches ||
        this.#recipients + incoming > this.#limits.maxRecipients;
      if (!tooMany && now - batch.submittedAt <= this.#limits.ttlMs) break;
      this.#batches.delete(batchNo);
      // Release the batch now: only the empty slot waits for the next compaction.
      this.#order[this.#head++] = undefined;
      this.#recipients -= batch.phones.length;
    }
    // Drop the evicted prefix now and then, not at every eviction.
    if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
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
