/**
 * The recipients of recently sent batches, so a delivery report can list pending
 * numbers. Bounded by a number of recipients (not batches), oldest forgotten first, so a
 * bulk send of millions keeps memory flat.
 */
export class RecentBatches {
  readonly #byId = new Map<string, readonly string[]>();
  readonly #maxRecipients: number;
  #recipients = 0;

  constructor(maxRecipients: number) {
    this.#maxRecipients = maxRecipients;
  }

  /** Remembers a batch; forgets the oldest ones beyond the bound. */
  add(id: string, phones: readonly string[]): void {
    this.#byId.set(id, phones);
    this.#recipients += phones.length;
    for (const [oldId, oldPhones] of this.#byId) {
      if (this.#recipients <= this.#maxRecipients || oldId === id) break;
      this.#byId.delete(oldId);
      this.#recipients -= oldPhones.length;
    }
  }

  /** The recipients of a remembered batch. */
  get(id: string): readonly string[] | undefined {
    return this.#byId.get(id);
  }
}
