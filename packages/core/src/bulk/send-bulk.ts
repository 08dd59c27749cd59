import { BulkInterruptedError, type BulkInterruption } from '../errors/bulk-interrupted-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { PhoneOptions } from '../phone/normalize-phone.js';
import { untilAborted } from '../runtime/signals.js';
import { isAbortSignal } from '../transport/call-options.js';
import type { ChannelId } from '../transport/channel.js';
import type { SentBatch } from '../transport/send-result.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import { checkKnownKeys, describe } from '../validation/check-options.js';
import { BulkTally } from './bulk-tally.js';
import type { BulkProgress, BulkSource, BulkSummary } from './bulk-types.js';
import { IndexBitset } from './index-bitset.js';
import { RateLimiter } from './rate-limiter.js';
import { type ChunkerNote, type RecipientChunk, RecipientChunker } from './recipient-chunker.js';
import { entriesOf, sendChunk } from './send-chunk.js';

/** Options of {@link sendBulk}. */
export interface BulkOptions extends PhoneOptions {
  /** The text for recipients that have none of their own. */
  readonly text?: string | undefined;
  /** Send every recipient through this channel instead of routing by country. */
  readonly channelId?: ChannelId | undefined;
  /** Recipients per send (default 10 000, the provider's submit limit). */
  readonly chunkSize?: number | undefined;
  /** Sends running at once (default 2). */
  readonly concurrency?: number | undefined;
  /** At most this many sends start per second; each send of one country and text is one submit. */
  readonly ratePerSecond?: number | undefined;
  /**
   * Send a recipient that repeats an earlier one (same number after normalisation, same
   * text) only once, anywhere in the source and across resumed runs (default true).
   */
  readonly dedupe?: boolean | undefined;
  /**
   * Stops reading the source (at once, even while it waits for its next item); sends in
   * flight finish; `sendBulk` then rejects with a `BulkInterruptedError` whose `summary`
   * says what was sent.
   */
  readonly signal?: AbortSignal | undefined;
  /** Called after each send with the running counters. A throw stops the run (see `signal`). */
  readonly onProgress?: ((progress: BulkProgress) => void) | undefined;
  /**
   * Called with each accepted batch and its wire numbers, to record them as they go: with
   * every one, also those accepted after a stop. A throw (or a rejected promise) stops the
   * run; the batch stays accepted in the books.
   */
  readonly onBatch?: ((batch: SentBatch) => unknown) | undefined;
  /** A previous run's summary or `resumeToken`: recipients it accepted (or may have sent) are skipped. */
  readonly resumeFrom?: BulkSummary | string | undefined;
  /** Most recipients held in memory waiting for their chunk to fill (default 50 000). */
  readonly maxBuffered?: number | undefined;
}

/** Every key of {@link BulkOptions}. */
const BULK_OPTION_KEYS: readonly string[] = Object.keys({
  text: true,
  channelId: true,
  chunkSize: true,
  concurrency: true,
  ratePerSecond: true,
  dedupe: true,
  signal: true,
  onProgress: true,
  onBatch: true,
  resumeFrom: true,
  maxBuffered: true,
  defaultCountry: true,
  validation: true,
} satisfies Record<keyof BulkOptions, true>);

/**
 * Sends to a stream of recipients with bounded memory: recipients are read one by one,
 * normalised, deduplicated, grouped by destination country and text into chunks of at
 * most `chunkSize`, and sent through `transport.send` with bounded concurrency and an
 * optional rate. A failed send does not stop the others. The summary puts every
 * recipient read in exactly one of submitted, rejected, duplicates, failed, unknown or
 * skipped, and can resume the run. When the run cannot finish — its signal aborts, the
 * source throws, a callback throws — it rejects with a `BulkInterruptedError` carrying
 * that summary; it never loses the books of what was sent.
 */
export async function sendBulk(
  transport: SmsTransport,
  source: BulkSource,
  options: BulkOptions = {},
): Promise<BulkSummary> {
  checkKnownKeys(options, BULK_OPTION_KEYS, 'sendBulk options');
  checkSource(source);
  const chunkSize = checkedInteger(options.chunkSize, 10_000, 'chunkSize');
  const concurrency = checkedInteger(options.concurrency, 2, 'concurrency');
  const maxBuffered = Math.max(
    chunkSize,
    checkedInteger(options.maxBuffered, 50_000, 'maxBuffered'),
  );
  if (options.signal !== undefined && !isAbortSignal(options.signal)) {
    throw new ValidationError(
      'signal',
      `signal must be an AbortSignal, got ${describe(options.signal)}`,
    );
  }
  if (options.ratePerSecond !== undefined && !(options.ratePerSecond > 0)) {
    throw new ValidationError('ratePerSecond', 'ratePerSecond must be a positive number');
  }
  const skip = resumeSet(options.resumeFrom);
  const tally = new BulkTally();
  const rate = options.ratePerSecond ? new RateLimiter(options.ratePerSecond) : undefined;
  const chunkOptions = {
    channelId: options.channelId,
    dedupe: options.dedupe !== false,
    validation: options.validation,
  };
  const chunker = new RecipientChunker({
    chunkSize,
    maxBuffered,
    dedupe: options.dedupe !== false,
    text: options.text,
    defaultCountry: options.defaultCountry,
    validation: options.validation,
    skip: skip ? (index) => skip.has(index) : undefined,
  });
  const inFlight = new Set<Promise<void>>();
  let stop: { interruption: BulkInterruption; cause: unknown } | undefined;
  const stopped = () => {
    if (!stop && options.signal?.aborted)
      stop = { interruption: 'aborted', cause: options.signal.reason };
    return stop !== undefined;
  };
  // A callback's failure stops the run but never changes a recipient's outcome. Promises
  // a callback returns are awaited before the end, so a late rejection still counts.
  const callbacksPending = new Set<Promise<unknown>>();
  // `onBatch` hears of every accepted batch, even after a stop (the caller records them
  // there); `onProgress` stops with the run.
  const callback = <A>(fn: ((arg: A) => unknown) | undefined, arg: A, afterStop = false) => {
    if (fn === undefined || (stop && !afterStop)) return;
    try {
      const result = fn(arg);
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
        const settled = Promise.resolve(result).then(undefined, (error: unknown) => {
          stop ??= { interruption: 'callback-error', cause: error };
        });
        callbacksPending.add(settled);
        void settled.finally(() => callbacksPending.delete(settled));
      }
    } catch (error) {
      stop ??= { interruption: 'callback-error', cause: error };
    }
  };

  const dispatch = async (chunk: RecipientChunk) => {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (rate && !stopped()) await rate.take(options.signal).catch(() => undefined);
    if (stopped()) return notSent(chunk, tally, stop?.interruption);
    const job = sendChunk(transport, chunk, chunkOptions, tally).then((batches) => {
      inFlight.delete(job);
      for (const batch of batches) callback(options.onBatch, batch, true);
      // Recipients still filling a chunk were read too.
      callback(options.onProgress, { ...tally.progress(), read: tally.read + chunker.buffered });
    });
    inFlight.add(job);
  };

  try {
    for await (const item of readUntilAborted(chunker.read(source), options.signal)) {
      if (item.kind === 'chunk') {
        tally.read += item.phones.length;
        await dispatch(item);
      } else {
        tally.read++;
        note(item, tally);
      }
      if (stopped()) break;
    }
  } catch (error) {
    stop ??= { interruption: 'source-error', cause: error };
  }
  for (const chunk of chunker.remaining()) {
    tally.read += chunk.phones.length;
    await dispatch(chunk);
  }
  while (inFlight.size > 0) await Promise.all(inFlight);
  while (callbacksPending.size > 0) await Promise.all(callbacksPending);
  stopped();
  const summary = tally.summary(stop?.interruption === 'aborted', skip);
  if (stop) throw new BulkInterruptedError(summary, stop.interruption, { cause: stop.cause });
  return summary;
}

/**
 * The items of `items`, ending as soon as `signal` aborts even while a source stalls on
 * its next item (a network stream): the run books what it read and rejects at once.
 */
async function* readUntilAborted<T>(
  items: AsyncGenerator<T>,
  signal: AbortSignal | undefined,
): AsyncGenerator<T> {
  if (signal === undefined) return yield* items;
  try {
    while (!signal.aborted) {
      const next = await untilAborted(items.next(), signal).catch((error: unknown) => {
        if (signal.aborted) return undefined;
        throw error;
      });
      if (next === undefined || next.done) return;
      yield next.value;
    }
  } finally {
    // A source stalled on its next item ends once that item comes; nobody waits for it.
    void items.return(undefined).catch(() => undefined);
  }
}

/** Books a recipient the chunker kept out of every chunk. */
function note(item: ChunkerNote, tally: BulkTally): void {
  if (item.kind === 'skipped') tally.skip();
  else if (item.kind === 'duplicate') tally.duplicate(item);
  else
    tally.reject({
      index: item.index,
      input: item.input,
      reason:
        item.code === 'NO_TEXT'
          ? 'no text: give the recipient a text or pass options.text'
          : item.reason,
    });
}

/** Books a chunk that was never submitted because the run stopped: safe to send again. */
function notSent(
  chunk: RecipientChunk,
  tally: BulkTally,
  interruption: BulkInterruption | undefined,
): void {
  const code = interruption === 'aborted' ? 'ABORTED' : 'INTERRUPTED';
  for (const entry of entriesOf(chunk)) {
    tally.fail({ ...entry, code, reason: 'not sent: the bulk send stopped before its submit' });
  }
}

function checkSource(source: unknown): void {
  const iterable =
    typeof source === 'object' &&
    source !== null &&
    (Symbol.iterator in source || Symbol.asyncIterator in source);
  if (!iterable) {
    throw new ValidationError(
      'source',
      'source must be an array, an iterable or an async iterable of recipients (not a single string)',
    );
  }
}

function checkedInteger(value: number | undefined, fallback: number, field: string): number {
  const checked = value ?? fallback;
  if (!Number.isInteger(checked) || checked < 1)
    throw new ValidationError(field, `${field} must be a positive integer`);
  return checked;
}

function resumeSet(resumeFrom: BulkOptions['resumeFrom']): IndexBitset | undefined {
  if (resumeFrom === undefined) return undefined;
  const token = typeof resumeFrom === 'string' ? resumeFrom : resumeFrom?.resumeToken;
  try {
    if (typeof token !== 'string') throw new TypeError('no resume token');
    return IndexBitset.fromBase64(token);
  } catch (error) {
    throw new ValidationError('resumeFrom', 'resumeFrom is not a bulk summary or resume token', {
      cause: error,
    });
  }
}
