import type { RecipientChunk } from './recipient-chunker.js';

/** A chunk being filled, and when it last grew (a sequence number). */
interface Held {
  readonly chunk: RecipientChunk;
  seq: number;
}

/** A chunk that reached a size at `seq`: stale once the chunk grew again or was taken. */
interface Reached {
  readonly key: string;
  readonly seq: number;
}

/** One recipient as the chunker adds it. */
export interface BufferedRecipient {
  readonly phone: string;
  readonly index: number;
  readonly input: string;
}

/**
 * The chunks being filled while recipients are read, one per destination and text, with
 * what {@link RecipientChunker} needs in (amortised) constant time: the number of
 * recipients held, and the fullest chunk (let go when too many are held). With a
 * personalised text each, tens of thousands of one-recipient chunks are held at once, so
 * finding the fullest by a scan made a run quadratic. Per size, a queue of the chunks
 * that reached it, in that order; entries go stale as chunks grow and are skipped, and
 * the queues are rebuilt from the live chunks once stale entries outnumber them, so
 * memory stays bounded by the chunks held. Ties go to the chunk that reached the size
 * first: the output depends only on the input (a resumed run depends on it).
 */
export class ChunkBuffers {
  readonly #held = new Map<string, Held>();
  #reached = new Map<number, { entries: Reached[]; head: number }>();
  #entries = 0;
  #seq = 0;
  #largest = 0;
  #recipients = 0;

  /** Recipients held in all chunks. */
  get held(): number {
    return this.#recipients;
  }

  /** Adds a recipient to the chunk of `key` (made by `make` when new); returns that chunk. */
  add(key: string, make: () => RecipientChunk, recipient: BufferedRecipient): RecipientChunk {
    let held = this.#held.get(key);
    if (!held) {
      held = { chunk: make(), seq: 0 };
      this.#held.set(key, held);
    }
    held.chunk.phones.push(recipient.phone);
    held.chunk.indices.push(recipient.index);
    held.chunk.inputs.push(recipient.input);
    held.seq = ++this.#seq;
    this.#recipients++;
    this.#push(held.chunk.phones.length, { key, seq: held.seq });
    if (this.#entries > 2 * this.#held.size + 1_024) this.#rebuild();
    return held.chunk;
  }

  /** Takes the chunk of `key` out (undefined when none is held). */
  take(key: string): RecipientChunk | undefined {
    const held = this.#held.get(key);
    if (!held) return undefined;
    this.#held.delete(key);
    this.#recipients -= held.chunk.phones.length;
    while (this.#largest > 0 && !this.#first(this.#largest)) this.#largest--;
    return held.chunk;
  }

  /** Takes the fullest chunk out (undefined when none is held). */
  takeLargest(): RecipientChunk | undefined {
    const first = this.#first(this.#largest);
    return first ? this.take(first.key) : undefined;
  }

  /** The keys of the chunks held, in the order they were begun. */
  keys(): string[] {
    return [...this.#held.keys()];
  }

  /** Takes every chunk out at once, in the order they were begun. */
  clear(): RecipientChunk[] {
    const chunks = [...this.#held.values()].map((held) => held.chunk);
    this.#held.clear();
    this.#reached = new Map();
    this.#entries = 0;
    this.#largest = 0;
    this.#recipients = 0;
    return chunks;
  }

  #push(size: number, entry: Reached): void {
    let queue = this.#reached.get(size);
    if (!queue) {
      queue = { entries: [], head: 0 };
      this.#reached.set(size, queue);
    }
    queue.entries.push(entry);
    this.#entries++;
    this.#largest = Math.max(this.#largest, size);
  }

  /** The first live entry of `size`, in the order chunks reached it; stale ones are dropped. */
  #first(size: number): Reached | undefined {
    const queue = this.#reached.get(size);
    if (!queue) return undefined;
    while (queue.head < queue.entries.length) {
      const entry = queue.entries[queue.head] as Reached;
      if (this.#held.get(entry.key)?.seq === entry.seq) {
        // A queue that never empties (one-recipient chunks begun and let go all run long)
        // would keep every entry it ever had: drop the consumed front once it is most of it.
        if (queue.head > 1_024 && queue.head * 2 > queue.entries.length) {
          queue.entries = queue.entries.slice(queue.head);
          queue.head = 0;
        }
        return entry;
      }
      queue.head++;
      this.#entries--;
    }
    this.#reached.delete(size);
    return undefined;
  }

  /** Keeps only the live entries: one per chunk held, in the order they were reached. */
  #rebuild(): void {
    const live = [...this.#held.entries()].sort((a, b) => a[1].seq - b[1].seq);
    this.#reached = new Map();
    this.#entries = 0;
    this.#largest = 0;
    for (const [key, held] of live) this.#push(held.chunk.phones.length, { key, seq: held.seq });
  }
}
