/** Between the numbers of a remembered batch: wire numbers are digits, never this. */
const SEPARATOR = ',';

/** A remembered batch: its numbers as one string, and how many there are. */
interface RememberedBatch {
  readonly phones: string;
  readonly count: number;
}

/**
 * The recipients of recently sent batches, so a delivery report can list pending
 * numbers. Bounded by a number of recipients (not batches), oldest forgotten first, so a
 * bulk send of millions keeps memory flat. Each batch is kept as one string of its
 * numbers rather than an array of them: about 13 bytes a number instead of 40, and
 * one object for the collector to trace instead of ten thousand.
 */
export class RecentBatches {
  readonly #byId = new Map<string, RememberedBatch>();
  readonly #maxRecipients: number;
  #recipients = 0;

  constructor(maxRecipients: number) {
    this.#maxRecipients = maxRecipients;
  }

  /** Remembers a batch (wire numbers: digits); forgets the oldest ones beyond the bound. */
  add(id: string, phones: readonly string[]): void {
    const earlier = this.#byId.get(id);
    if (earlier !== undefined) {
      this.#byId.delete(id);
      this.#recipients -= earlier.count;
    }
    this.#byId.set(id, { phones: phones.join(SEPARATOR), count: phones.length });
    this.#recipients += phones.length;
    for (const [oldId, old] of this.#byId) {
      if (this.#recipients <= this.#maxRecipients || oldId === id) break;
      this.#byId.delete(oldId);
      this.#recipients -= old.count;
    }
  }

  /**
   * The recipients of a remembered batch, in the order given; undefined for a batch not
   * remembered (or, should a number ever hold the separator, one that cannot be read back).
   */
  get(id: string): readonly string[] | undefined {
    const batch = this.#byId.get(id);
    if (batch === undefined) return undefined;
    if (batch.count === 0) return [];
    const phones = batch.phones.split(SEPARATOR);
    return phones.length === batch.count ? phones : undefined;
  }
}
