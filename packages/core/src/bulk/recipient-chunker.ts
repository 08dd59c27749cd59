import { loadPhoneNormalizer, type PhoneOptions } from '../phone/normalize-phone.js';
import type { BulkSource } from './bulk-types.js';
import { ChunkBuffers, type ChunkDestination } from './chunk-buffers.js';
import { SeenMessages } from './seen-messages.js';

/** Longest stretch of reading without a turn of the event loop, in ms. */
const MAX_BUSY_MS = 250;

/** How recipients are read and grouped. */
export interface ChunkerOptions extends PhoneOptions {
  /** The text of recipients without their own. */
  readonly text?: string | undefined;
  /** Most numbers per chunk. */
  readonly chunkSize: number;
  /** Most recipients held waiting for their chunk to fill; the fullest is let go beyond. */
  readonly maxBuffered: number;
  /** Refuse a repeat of an earlier recipient (same number after normalisation, same text). */
  readonly dedupe: boolean;
  /** Positions an earlier run already handled: passed over, but still remembered for `dedupe`. */
  readonly skip?: ((index: number) => boolean) | undefined;
}

/** A chunk: numbers of one destination and one text, in source order — one submit. */
export interface RecipientChunk {
  readonly kind: 'chunk';
  readonly text: string;
  /** The destination's calling code digits (`63`). */
  readonly callingCode: string;
  /** The destination's ISO country, when the numbering plan tells. */
  readonly country: string | undefined;
  /** Wire numbers. */
  readonly phones: string[];
  /** Their positions in the source. */
  readonly indices: number[];
  /** The inputs as the source gave them. */
  readonly inputs: string[];
}

/** What the chunker says about one recipient that is not in a chunk. */
export type ChunkerNote =
  | {
      readonly kind: 'rejected';
      readonly index: number;
      readonly input: string;
      readonly code: 'NO_TEXT' | 'INVALID_NUMBER';
      readonly reason: string;
    }
  | {
      readonly kind: 'duplicate';
      readonly index: number;
      readonly input: string;
      readonly phone: string;
      readonly duplicateOf: number;
    }
  | { readonly kind: 'skipped'; readonly index: number };

/**
 * The one streaming chunker of intl-sms (`sendBulk`, the queue's enqueue and the CLI's
 * estimate all read recipients through it): reads a source once, normalises every
 * number, refuses invalid input and repeats, and groups the rest by destination and text
 * into chunks of at most `chunkSize`, holding at most `maxBuffered` recipients (plus about
 * 12–16 bytes a distinct number to find repeats). The output depends only on the source and
 * the options, so a resumed run sees the same chunks in the same order.
 */
export class RecipientChunker {
  readonly #options: ChunkerOptions;
  readonly #buffers = new ChunkBuffers();
  readonly #seen: SeenMessages | undefined;
  /** The item last handed out, until its reader {@link claim}s it. */
  #handedOut: RecipientChunk | ChunkerNote | undefined;
  /** The destination of the recipient before: the next is most often of the same. */
  #lastDestination: ChunkDestination | undefined;

  constructor(options: ChunkerOptions) {
    this.#options = options;
    this.#seen = options.dedupe ? new SeenMessages() : undefined;
  }

  /** Recipients read but not yet let go in a chunk. */
  get buffered(): number {
    return this.#buffers.held;
  }

  /**
   * Reads `source`, yielding full chunks and notes as they come, then (when the source
   * ends) the chunks still filling. A source that throws rejects the iteration; the
   * recipients read before are in the chunks already yielded or in {@link remaining}.
   *
   * `stop` is asked before each item is pulled from the source, and again when a pull
   * that was waiting answers: once it says true, no further item is read (nor the one
   * that came after it), and the chunks still filling stay for {@link remaining}. A
   * consumer that has stopped waiting for this iteration (it gave up on a stalled
   * source) thus never has rows read behind its back.
   */
  async *read(
    source: BulkSource,
    stop: () => boolean = () => false,
  ): AsyncGenerator<RecipientChunk | ChunkerNote> {
    const normalize = await loadPhoneNormalizer();
    const options = this.#options;
    const phoneOptions = {
      ...(options.defaultCountry === undefined ? {} : { defaultCountry: options.defaultCountry }),
      ...(options.validation === undefined ? {} : { validation: options.validation }),
    };
    const items = iteratorOf(source);
    let open = true;
    let index = -1;
    let turn = Date.now();
    try {
      for (let pulled = 0; ; pulled++) {
        // A source that never waits (an array, a generator) is read in promise jobs alone,
        // which starve timers — a caller's lease renewal, its deadlines: give the event
        // loop a turn now and then, between rows (a stop that comes in the turn then
        // finds no row pulled and not yet booked).
        if (pulled % 256 === 255 && Date.now() - turn > MAX_BUSY_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          turn = Date.now();
        }
        if (stop()) return;
        let next: IteratorResult<unknown>;
        try {
          next = await items.next();
          // As `for await` does: a result that is not an object ends the read, never loops on.
          if (typeof next !== 'object' || next === null)
            throw new TypeError(`the source's iterator result ${String(next)} is not an object`);
        } catch (error) {
          open = false;
          throw error;
        }
        if (next.done) {
          open = false;
          break;
        }
        if (stop()) return;
        index++;
        const item = this.#note(next.value, index, normalize, phoneOptions);
        if (item) yield this.#handOut(item);
      }
    } finally {
      // Closes a source left early, as `for await` does; its failure to close changes no books.
      if (open)
        await Promise.resolve()
          .then(() => items.return?.())
          .catch(() => undefined);
    }
    // One by one: a consumer that stops early leaves the chunks not yet yielded in
    // remaining(), so none of their recipients goes unbooked.
    for (const key of this.#buffers.keys()) {
      const chunk = this.#buffers.take(key);
      if (chunk) yield this.#handOut(chunk);
    }
  }

  /**
   * Marks an item of {@link read} as received by its reader. Until then it is the
   * reader's to take back with {@link unclaimed}: a reader that raced the read against
   * an abort, and lost, never saw an item that had already left the buffers.
   */
  claim(item: RecipientChunk | ChunkerNote): void {
    if (this.#handedOut === item) this.#handedOut = undefined;
  }

  /** The item handed out but never claimed, taken back (once). */
  unclaimed(): RecipientChunk | ChunkerNote | undefined {
    const item = this.#handedOut;
    this.#handedOut = undefined;
    return item;
  }

  #handOut<T extends RecipientChunk | ChunkerNote>(item: T): T {
    this.#handedOut = item;
    return item;
  }

  /** Reads one recipient: a note, a full chunk, or nothing (it waits in its chunk). */
  #note(
    recipient: unknown,
    index: number,
    normalize: Awaited<ReturnType<typeof loadPhoneNormalizer>>,
    phoneOptions: PhoneOptions,
  ): RecipientChunk | ChunkerNote | undefined {
    const options = this.#options;
    const { input, text } = readRecipient(recipient, options.text);
    if (options.skip?.(index)) {
      // Still remembered, so a later repeat of a number sent by an earlier run is not sent again.
      const check = this.#seen && text !== undefined ? normalize(input, phoneOptions) : undefined;
      if (check?.ok && text !== undefined) this.#seen?.firstIndex(check.value.phone, text, index);
      return { kind: 'skipped', index };
    }
    if (text === undefined)
      return { kind: 'rejected', index, input, code: 'NO_TEXT', reason: 'no text' };
    const check = normalize(input, phoneOptions);
    if (!check.ok) {
      return { kind: 'rejected', index, input, code: 'INVALID_NUMBER', reason: check.reason };
    }
    const { phone, callingCode, country } = check.value;
    const first = this.#seen ? this.#seen.firstIndex(phone, text, index) : index;
    if (first !== index) return { kind: 'duplicate', index, input, phone, duplicateOf: first };
    return this.#add(text, callingCode, country, phone, index, input);
  }

  /** The chunks still filling, left in place (what a checkpoint books as not yet submitted). */
  waiting(): readonly RecipientChunk[] {
    return this.#buffers.chunks();
  }

  /** The chunks still filling, taken out (after the source ended, or when a run stops). */
  remaining(): RecipientChunk[] {
    return this.#buffers.clear();
  }

  /**
   * Adds one recipient; returns a chunk when one is full or memory says one must go (the
   * fullest, found without a scan: a personalised text each holds thousands of chunks).
   */
  #add(
    text: string,
    callingCode: string,
    country: string | undefined,
    phone: string,
    index: number,
    input: string,
  ): RecipientChunk | undefined {
    const destination = this.#destinationOf(text, callingCode, country);
    const buffers = this.#buffers;
    const chunk = buffers.add(destination, phone, index, input);
    if (chunk.phones.length >= this.#options.chunkSize) return buffers.take(destination.key);
    if (buffers.held < this.#options.maxBuffered) return undefined;
    return buffers.takeLargest();
  }

  /**
   * The chunk destination of a number's country and a text, keyed by the country (its
   * calling code when the plan names none) and the text. Recipients come in runs of one
   * destination and one text, so the last one is kept rather than built again for each.
   */
  #destinationOf(text: string, callingCode: string, country: string | undefined): ChunkDestination {
    const last = this.#lastDestination;
    if (
      last !== undefined &&
      last.text === text &&
      last.country === country &&
      last.callingCode === callingCode
    )
      return last;
    const key = `${country ?? callingCode}\u0000${text}`;
    this.#lastDestination = { key, text, callingCode, country };
    return this.#lastDestination;
  }
}

/** One iterator for every kind of source; values of a sync iterable are awaited, as `for await` does. */
function iteratorOf(source: BulkSource): AsyncIterator<unknown> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  return (async function* () {
    yield* source;
  })();
}

/**
 * A recipient as input text and its text. Never throws, whatever the source yields: a
 * value that is not a number's text is kept (described) and refused by normalisation.
 */
function readRecipient(
  recipient: unknown,
  defaultText: string | undefined,
): { input: string; text: string | undefined } {
  if (typeof recipient === 'string') return { input: recipient, text: defaultText };
  if (typeof recipient === 'object' && recipient !== null && 'to' in recipient) {
    const { to, text } = recipient as { to: unknown; text?: unknown };
    return {
      input: describe(to),
      text: typeof text === 'string' && text.length > 0 ? text : defaultText,
    };
  }
  return { input: describe(recipient), text: defaultText };
}

/** A value as input text: strings and numbers as they are, anything else by its kind. */
function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return String(value);
  return `[${Array.isArray(value) ? 'array' : typeof value}]`;
}
