import { wireNumberValue } from '../phone/wire-number-value.js';

/**
 * Slots looked at for one number before the table gives up on itself. Real numbers look
 * at one or two; numbers chosen to land together (to slow down a sender that takes lists
 * from outside; the hash has no secret) look at more, and then every number goes to a
 * `Map` instead: the work per number stays bounded whatever the list.
 */
const MAX_PROBES = 64;

/** @internal For tests: another probe limit. */
export interface TableTuning {
  readonly maxProbes?: number;
}

/**
 * The position in `to` where each wire number of one send first appeared: what
 * deduplication asks of every number. A `Map` of strings costs a hash of a fresh string
 * and a growing table per number; here a number's digits are read once into a double
 * ({@link wireNumberValue}: exact up to 15 digits, and without a leading zero distinct
 * digits make distinct values), and a 32-bit hash, kept in an open-addressing table of typed arrays sized for
 * the send up front (it doubles should it ever be half full). A number it cannot hold exactly
 * (more than 15 digits, or anything but digits) goes to a `Map`, and so does every number
 * once one has probed too long (crafted collisions): every answer is the `Map`'s.
 */
export class FirstIndexByPhone {
  #numbers: Float64Array;
  #firsts: Int32Array;
  #mask: number;
  /** A slot is the hash's top bits (a multiplicative hash mixes upwards). */
  #shift: number;
  #size = 0;
  /** Set once a number probed too long: the table is no longer used. */
  #mapOnly = false;
  #others: Map<string, number> | undefined;
  readonly #maxProbes: number;

  /** A table for at most `count` numbers. */
  constructor(count: number, tuning: TableTuning = {}) {
    this.#maxProbes = tuning.maxProbes ?? MAX_PROBES;
    let capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    this.#numbers = new Float64Array(capacity);
    this.#firsts = new Int32Array(capacity);
    this.#mask = capacity - 1;
    this.#shift = 32 - Math.log2(capacity);
  }

  /**
   * Records `phone` at `index` unless it was met before; returns the index where it was
   * first met (`index` itself when it is new).
   */
  firstIndex(phone: string, index: number): number {
    const value = this.#mapOnly ? undefined : wireNumberValue(phone);
    if (value === undefined) return this.#otherFirstIndex(phone, index);
    // The low and high 32 bits of the value (`| 0` keeps the low 32 bits of an integer
    // double), multiplied together: the slot is the top bits, where a product mixes.
    const high = Math.imul((value / 0x1_0000_0000) | 0, 0x85eb_ca6b);
    const hash = Math.imul((value | 0) ^ high, 0x9e37_79b1);
    const numbers = this.#numbers;
    const mask = this.#mask;
    let slot = hash >>> this.#shift;
    for (let probes = 0; ; probes++) {
      const held = numbers[slot];
      if (held === 0) break;
      if (held === value) return this.#firsts[slot] as number;
      if (probes === this.#maxProbes) {
        this.#toMap();
        return this.#otherFirstIndex(phone, index);
      }
      slot = (slot + 1) & mask;
    }
    numbers[slot] = value;
    this.#firsts[slot] = index;
    if (++this.#size * 2 > mask) this.#grow();
    return index;
  }

  /**
   * Doubles the table: only when called for more numbers than it was made for. Each
   * number goes in again by its digits (`String` of its value), as it first did.
   */
  #grow(): void {
    const numbers = this.#numbers;
    const firsts = this.#firsts;
    const capacity = numbers.length * 2;
    this.#numbers = new Float64Array(capacity);
    this.#firsts = new Int32Array(capacity);
    this.#mask = capacity - 1;
    this.#shift -= 1;
    this.#size = 0;
    for (let i = 0; i < numbers.length; i++) {
      const number = numbers[i] as number;
      if (number !== 0) this.firstIndex(String(number), firsts[i] as number);
    }
  }

  /** @internal For tests: whether crafted collisions sent every number to the `Map`. */
  get mapOnly(): boolean {
    return this.#mapOnly;
  }

  /** Moves every number to the `Map` (a number's digits are `String` of its value). */
  #toMap(): void {
    this.#mapOnly = true;
    this.#others ??= new Map();
    const numbers = this.#numbers;
    for (let i = 0; i < numbers.length; i++) {
      const number = numbers[i] as number;
      if (number !== 0) this.#others.set(String(number), this.#firsts[i] as number);
    }
    this.#numbers = new Float64Array(0);
    this.#firsts = new Int32Array(0);
  }

  #otherFirstIndex(phone: string, index: number): number {
    this.#others ??= new Map();
    const first = this.#others.get(phone);
    if (first !== undefined) return first;
    this.#others.set(phone, index);
    return index;
  }
}
