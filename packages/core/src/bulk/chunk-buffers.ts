import type { RecipientChunk } from './recipient-chunker.js';

/** What the chunks of one key share: the key, and the destination and text of its chunks. */
export interface ChunkDestination {
  readonly key: string;
  readonly text: string;
  readonly callingCode: string;
  readonly country: string | undefined;
}

/**
 * A chunk being filled, linked to the chunks of its size (in the order they reached
 * it): the links are the chunk's place in its size's list, so a recipient added moves
 * it without allocating anything.
 */
interface Held {
  readonly key: string;
  readonly chunk: RecipientChunk;
  previous: Held | undefined;
  next: Held | undefined;
}

/**
 * The chunks being filled while recipients are read, one per destination and text, with
 * what {@link RecipientChunker} needs in constant time: the number of recipients held,
 * and the fullest chunk (let go when too many are held). With a personalised text each,
 * tens of thousands of one-recipient chunks are held at once, so finding the fullest by
 * a scan made a run quadratic. Per size, a list of the chunks of that size, in the order
 * they reached it; a chunk moves to the next size's list as it grows, and the fullest is
 * the first of the largest size's list. Ties thus go to the chunk that reached the size
 * first: the output depends only on the input (a resumed run depends on it).
 */
export class ChunkBuffers {
  readonly #held = new Map<string, Held>();
  /** Per size, the first chunk of that size's list and its last. */
  #firsts: (Held | undefined)[] = [];
  #lasts: (Held | undefined)[] = [];
  #largest = 0;
  #recipients = 0;

  /** Recipients held in all chunks. */
  get held(): number {
    return this.#recipients;
  }

  /**
   * Adds a recipient to the chunk of `destination.key`, starting one (of that destination
   * and text) when none is held, and returns that chunk.
   */
  add(destination: ChunkDestination, phone: string, index: number, input: string): RecipientChunk {
    const { key } = destination;
    let held = this.#held.get(key);
    if (held === undefined) {
      held = { key, chunk: emptyChunk(destination), previous: undefined, next: undefined };
      this.#held.set(key, held);
    }
    const { chunk } = held;
    const size = chunk.phones.length;
    if (size > 0) this.#unlink(held, size);
    chunk.phones.push(phone);
    chunk.indices.push(index);
    chunk.inputs.push(input);
    this.#append(held, size + 1);
    if (size + 1 > this.#largest) this.#largest = size + 1;
    this.#recipients++;
    return chunk;
  }

  /** Takes the chunk of `key` out (undefined when none is held). */
  take(key: string): RecipientChunk | undefined {
    const held = this.#held.get(key);
    if (!held) return undefined;
    this.#held.delete(key);
    const size = held.chunk.phones.length;
    if (size > 0) this.#unlink(held, size);
    this.#recipients -= size;
    while (this.#largest > 0 && this.#firsts[this.#largest] === undefined) this.#largest--;
    return held.chunk;
  }

  /** Takes the fullest chunk out (undefined when none is held). */
  takeLargest(): RecipientChunk | undefined {
    const first = this.#firsts[this.#largest];
    return first ? this.take(first.key) : undefined;
  }

  /** The keys of the chunks held, in the order they were begun. */
  keys(): string[] {
    return [...this.#held.keys()];
  }

  /** Every chunk held, left in place, in the order they were begun. */
  chunks(): RecipientChunk[] {
    return [...this.#held.values()].map((held) => held.chunk);
  }

  /** Takes every chunk out at once, in the order they were begun. */
  clear(): RecipientChunk[] {
    const chunks = this.chunks();
    this.#held.clear();
    this.#firsts = [];
    this.#lasts = [];
    this.#largest = 0;
    this.#recipients = 0;
    return chunks;
  }

  /** Puts `held` last in the list of `size`. */
  #append(held: Held, size: number): void {
    const last = this.#lasts[size];
    held.previous = last;
    held.next = undefined;
    if (last) last.next = held;
    else this.#firsts[size] = held;
    this.#lasts[size] = held;
  }

  /** Takes `held` out of the list of `size`. */
  #unlink(held: Held, size: number): void {
    const { previous, next } = held;
    if (previous) previous.next = next;
    else this.#firsts[size] = next;
    if (next) next.previous = previous;
    else this.#lasts[size] = previous;
    held.previous = undefined;
    held.next = undefined;
  }
}

function emptyChunk({ text, callingCode, country }: ChunkDestination): RecipientChunk {
  return { kind: 'chunk', text, callingCode, country, phones: [], indices: [], inputs: [] };
}
