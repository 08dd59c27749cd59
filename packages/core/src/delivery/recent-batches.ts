import { wireNumberValue } from '../phone/wire-number-value.js';
import { releaseMemory } from '../runtime/release-memory.js';

/** Between the numbers of a remembered batch kept as text: wire numbers are digits, never this. */
const SEPARATOR = ',';

/**
 * A remembered batch: its wire numbers as values in a typed array (8 bytes a number,
 * outside the JavaScript heap), or, for a small batch or should one not be a plain wire
 * number, all of them as one string.
 */
type RememberedBatch =
  | { readonly values: Float64Array }
  | { readonly phones: string; readonly count: number };

/**
 * The recipients of recently sent batches, so a delivery report can list pending
 * numbers. Bounded by a number of recipients (not batches), oldest forgotten first, so a
 * bulk send of millions keeps memory flat. Each batch is kept as one typed array of its
 * numbers' values rather than an array of strings: 8 bytes a number instead of 40,
 * outside the heap (which V8 lets grow to about four times what it keeps before it
 * collects) and nothing for the collector to trace; a large batch's memory is given back
 * as soon as the batch is forgotten.
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
    if (earlier !== undefined) this.#forget(id, earlier);
    this.#byId.set(id, remembered(phones));
    this.#recipients += phones.length;
    for (const [oldId, old] of this.#byId) {
      if (this.#recipients <= this.#maxRecipients || oldId === id) break;
      this.#forget(oldId, old);
    }
  }

  /**
   * The recipients of a remembered batch, in the order given; undefined for a batch not
   * remembered (or, should a number ever hold the separator, one that cannot be read back).
   */
  get(id: string): readonly string[] | undefined {
    const batch = this.#byId.get(id);
    if (batch === undefined) return undefined;
    if ('values' in batch) return Array.from(batch.values, String);
    if (batch.count === 0) return [];
    const phones = batch.phones.split(SEPARATOR);
    return phones.length === batch.count ? phones : undefined;
  }

  #forget(id: string, batch: RememberedBatch): void {
    this.#byId.delete(id);
    if ('values' in batch) {
      this.#recipients -= batch.values.length;
      releaseMemory(batch.values);
    } else this.#recipients -= batch.count;
  }
}

/**
 * Fewest numbers a batch keeps as a typed array: below, one string weighs less (13
 * bytes a number and a header, where a typed array and its buffer take about 120 bytes
 * before the first number — a single send's batch is one number).
 */
const FEWEST_AS_VALUES = 64;

/** A batch's numbers as values when there are many, all wire numbers; as a string otherwise. */
function remembered(phones: readonly string[]): RememberedBatch {
  if (phones.length < FEWEST_AS_VALUES)
    return { phones: phones.join(SEPARATOR), count: phones.length };
  const values = new Float64Array(phones.length);
  for (let i = 0; i < phones.length; i++) {
    const value = wireNumberValue(phones[i] as string);
    if (value === undefined) return { phones: phones.join(SEPARATOR), count: phones.length };
    values[i] = value;
  }
  return { values };
}
