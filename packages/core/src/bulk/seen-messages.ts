import { wireNumberValue } from '../phone/wire-number-value.js';
import { releaseMemory } from '../runtime/release-memory.js';
import { KeyedTextHash } from './keyed-text-hash.js';

/** Keeps the table at most three quarters full, so probes stay short. */
const MAX_LOAD = 0.75;
const EMPTY = 0;
/** Fewest slots a table starts with, whatever capacity is asked for. */
const MIN_CAPACITY = 16;

/** @internal For tests: a fixed seed instead of random ones (the text key is derived from it). */
export interface SeenMessagesTuning {
  readonly seed?: number;
}

/** A random 32-bit integer: the seeds are secrets of the table, not of the process. */
function randomWord(): number {
  return Math.floor(Math.random() * 0x1_0000_0000) | 0;
}

/**
 * The messages a bulk send has met, as (wire number, text) pairs, each with the source
 * index (below 2^32) where it first appeared: an open-addressing table of typed arrays,
 * 12 bytes a slot while every message has the same text (16 once texts differ) and at
 * least a quarter of the slots free (1,000,000 distinct numbers with one text take about
 * 18 MB, a fifth of a `Map` of strings).
 *
 * A wire number has at most 15 digits, so it is kept exactly as a double; any other
 * string (longer, with a leading zero, not all digits) goes to a `Map` instead. Texts are
 * kept as a 32-bit keyed hash ({@link KeyedTextHash}, under a key drawn for each table):
 * two different texts to the same number count as one message only if their hashes
 * collide (about 1 in 4 billion per pair), and then the second is reported as a
 * duplicate, never silently dropped. Without the key, texts cannot be chosen to collide,
 * so a row of a list from outside cannot be written to hide another row's message.
 *
 * Where a number lands depends on a seed drawn for each table too: numbers chosen to land
 * together (to slow down a sender that takes its lists from outside) cannot be chosen
 * without it, so the work per number stays short whatever the list.
 */
export class SeenMessages {
  #numbers: Float64Array;
  /** Each slot's text hash; none while every message had the same text ({@link #onlyHash}). */
  #textHashes: Int32Array | undefined;
  /** The hash of the first text met: every message's, while {@link #textHashes} is undefined. */
  #onlyHash: number | undefined;
  #firsts: Uint32Array;
  /** Messages in the typed arrays (the load that decides growth). */
  #size = 0;
  #lastText: string | undefined;
  #lastHash = 0;
  readonly #seed: number;
  readonly #textHash: KeyedTextHash;
  #probes = 0;
  /** Messages whose number the table cannot hold exactly, by text hash and number. */
  #others: Map<string, number> | undefined;

  /** A table that starts with room for about `capacity` messages (at least 16), and grows. */
  constructor(capacity = 1024, tuning: SeenMessagesTuning = {}) {
    const { seed } = tuning;
    this.#seed = seed ?? randomWord();
    this.#textHash =
      seed === undefined
        ? new KeyedTextHash(randomWord(), randomWord())
        : new KeyedTextHash(mix32(seed), mix32(~seed));
    const slots =
      Number.isFinite(capacity) && capacity > MIN_CAPACITY ? Math.ceil(capacity) : MIN_CAPACITY;
    this.#numbers = new Float64Array(slots);
    this.#firsts = new Uint32Array(slots);
  }

  /** Distinct messages recorded. */
  get size(): number {
    return this.#size + (this.#others?.size ?? 0);
  }

  /** @internal For tests: slots looked at past the first, over every number so far. */
  get probes(): number {
    return this.#probes;
  }

  /**
   * Records the message at `index` unless it was met before; returns the index where it
   * was first met (`index` itself when it is new).
   */
  firstIndex(phone: string, text: string, index: number): number {
    const hash = this.#hash(text);
    const number = wireNumberValue(phone);
    if (number === undefined) return this.#otherFirstIndex(phone, hash, index);
    this.#onlyHash ??= hash;
    if (hash !== this.#onlyHash && this.#textHashes === undefined) this.#keepTextHashes();
    const hashes = this.#textHashes;
    let slot = this.#slot(number, hash);
    const capacity = this.#numbers.length;
    while (this.#numbers[slot] !== EMPTY) {
      if (this.#numbers[slot] === number && (hashes === undefined || hashes[slot] === hash))
        return this.#firsts[slot] as number;
      slot = slot + 1 === capacity ? 0 : slot + 1;
      this.#probes++;
    }
    this.#numbers[slot] = number;
    if (hashes !== undefined) hashes[slot] = hash;
    this.#firsts[slot] = index;
    this.#size++;
    if (this.#size > capacity * MAX_LOAD) this.#grow();
    return index;
  }

  /**
   * The number's low 32 bits with the seed, mixed; then its high bits, mixed; then the
   * text's hash, mixed: each part enters a state the seed has already scrambled, so
   * neither the numbers nor the texts (personalised texts may come from outside too) can
   * be chosen to cancel each other out.
   */
  #slot(number: number, hash: number): number {
    const low = number % 0x1_0000_0000;
    const high = Math.floor(number / 0x1_0000_0000);
    const mixed = mix32(mix32(mix32(low ^ this.#seed) ^ high) ^ hash);
    return (mixed >>> 0) % this.#numbers.length;
  }

  #otherFirstIndex(phone: string, hash: number, index: number): number {
    this.#others ??= new Map();
    const key = `${hash}:${phone}`;
    const first = this.#others.get(key);
    if (first !== undefined) return first;
    this.#others.set(key, index);
    return index;
  }

  /** The text's keyed hash; a bulk usually repeats one text, so the last hash is kept. */
  #hash(text: string): number {
    if (text === this.#lastText) return this.#lastHash;
    this.#lastText = text;
    this.#lastHash = this.#textHash.hash(text);
    return this.#lastHash;
  }

  /** A second text came: from now on each slot keeps its text's hash (all the first's so far). */
  #keepTextHashes(): void {
    this.#textHashes = new Int32Array(this.#numbers.length).fill(this.#onlyHash ?? 0);
  }

  #grow(): void {
    const numbers = this.#numbers;
    const texts = this.#textHashes;
    const onlyHash = this.#onlyHash ?? 0;
    const firsts = this.#firsts;
    const capacity = Math.ceil(numbers.length * 1.5);
    this.#numbers = new Float64Array(capacity);
    this.#textHashes = texts === undefined ? undefined : new Int32Array(capacity);
    this.#firsts = new Uint32Array(capacity);
    for (let i = 0; i < numbers.length; i++) {
      const number = numbers[i] as number;
      if (number === EMPTY) continue;
      const hash = texts === undefined ? onlyHash : (texts[i] as number);
      let slot = this.#slot(number, hash);
      while (this.#numbers[slot] !== EMPTY) slot = slot + 1 === capacity ? 0 : slot + 1;
      this.#numbers[slot] = number;
      if (this.#textHashes !== undefined) this.#textHashes[slot] = hash;
      this.#firsts[slot] = firsts[i] as number;
    }
    // The old arrays would otherwise stay until the next full collection, one set per growth.
    releaseMemory(numbers);
    releaseMemory(firsts);
    if (texts !== undefined) releaseMemory(texts);
  }
}

/** MurmurHash3's 32-bit finaliser: every input bit moves every output bit (a bijection). */
export function mix32(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  return h ^ (h >>> 16);
}
