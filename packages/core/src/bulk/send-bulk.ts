import { parseMaxCost } from '../budget/max-cost.js';
import { BulkInterruptedError, type BulkInterruption } from '../errors/bulk-interrupted-error.js';
import type { SmsError } from '../errors/sms-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { Decimal } from '../money/decimal.js';
import { untilAborted } from '../runtime/signals.js';
import { checkText } from '../sending/check-text.js';
import { checkSignal } from '../transport/call-options.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import {
  checkDefaultCountry,
  checkKnownKeys,
  checkOneOf,
  checkType,
} from '../validation/check-options.js';
import { BulkBudget } from './bulk-budget.js';
import {
  BULK_OPTION_KEYS,
  type BulkOptions,
  checkedInteger,
  checkSource,
  resumeState,
} from './bulk-options.js';
import { BulkTally } from './bulk-tally.js';
import type { BulkSource, BulkSummary } from './bulk-types.js';
import { RateLimiter } from './rate-limiter.js';
import { type ChunkerNote, type RecipientChunk, RecipientChunker } from './recipient-chunker.js';
import { bookFailure, chunkMessage, entriesOf, sendChunk } from './send-chunk.js';

export type { BulkOptions } from './bulk-options.js';

/**
 * Sends to a stream of recipients with bounded memory: recipients are read one by one,
 * normalised, deduplicated, grouped by destination country and text into chunks of at
 * most `chunkSize`, and sent through `transport.send` with bounded concurrency and an
 * optional rate. A failed send does not stop the others. The summary puts every
 * recipient read in exactly one of submitted, rejected, duplicates, failed, unknown,
 * skipped or budget, and can resume the run. With `maxCost` it submits no chunk that
 * would take the committed cost over the cap: that chunk and every later one are booked
 * `budget`, and the run resolves with `budgetExceeded`. When the run cannot finish — its
 * signal aborts, the source throws, a callback throws — it rejects with a
 * `BulkInterruptedError` carrying that summary; it never loses the books of what was sent.
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
  checkSignal(options.signal);
  for (const field of ['onProgress', 'onBatch', 'beforeSubmit'] as const)
    checkType(field, options[field], 'function');
  if (options.ratePerSecond !== undefined && !(options.ratePerSecond > 0)) {
    throw new ValidationError('ratePerSecond', 'ratePerSecond must be a positive number');
  }
  const resumed = resumeState(options.resumeFrom);
  const skip = resumed?.done;
  const budget = new BulkBudget(
    parseMaxCost(options.maxCost),
    resumed?.committed ?? Decimal.zero(),
  );
  checkOneOf('smartEncoding', options.smartEncoding, [true, false]);
  checkOneOf('validation', options.validation, ['valid', 'possible']);
  checkDefaultCountry(options.defaultCountry);
  if (options.text !== undefined) checkText(options.text);
  if (budget.capped && typeof transport.estimate !== 'function') {
    throw new ValidationError(
      'maxCost',
      `maxCost needs a transport that can estimate a send; ${transport.provider} has no estimate()`,
    );
  }
  const tally = new BulkTally();
  const rate = options.ratePerSecond ? new RateLimiter(options.ratePerSecond) : undefined;
  const chunkOptions = {
    channelId: options.channelId,
    dedupe: options.dedupe !== false,
    validation: options.validation,
    smartEncoding: options.smartEncoding,
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
  // Each send in flight with its chunk (what a checkpoint books as in flight).
  const inFlight = new Map<Promise<void>, RecipientChunk>();
  // The chunks taken out of the chunker when reading ended, not yet sent.
  const left: RecipientChunk[] = [];
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
    while (inFlight.size >= concurrency) await Promise.race(inFlight.keys());
    if (rate && !stopped()) await rate.take(options.signal).catch(() => undefined);
    let share: Decimal | undefined;
    if (budget.capped && !stopped()) {
      const reservation = await budget.reserve(transport, chunkMessage(chunk, chunkOptions));
      if ('refusal' in reservation) return refused(chunk, reservation.refusal);
      share = reservation.share;
    }
    if (!stopped() && options.beforeSubmit) await writeAhead(options.beforeSubmit, chunk);
    if (stopped()) {
      budget.release(share);
      return notSent(chunk, tally, stop?.interruption);
    }
    // The chunk's outcomes join the books in the step that takes it out of flight.
    const books = new BulkTally();
    const job = sendChunk(transport, chunk, chunkOptions, books, share?.toString()).then(
      (batches) => {
        inFlight.delete(job);
        budget.settle(share, books);
        tally.absorb(books, chunk.indices);
        for (const batch of batches) callback(options.onBatch, batch, true);
        // Recipients still filling a chunk were read too.
        callback(options.onProgress, { ...tally.progress(), read: tally.read + chunker.buffered });
      },
    );
    inFlight.set(job, chunk);
  };
  // A chunk the budget refused (or could not estimate) is booked at once: never submitted.
  const refused = (chunk: RecipientChunk, refusal: SmsError) => {
    const books = new BulkTally();
    bookFailure(chunk, refusal, books);
    tally.absorb(books, chunk.indices);
    callback(options.onProgress, { ...tally.progress(), read: tally.read + chunker.buffered });
  };
  const writeAhead = async (
    save: (checkpoint: BulkSummary) => unknown,
    chunk: RecipientChunk,
  ): Promise<void> => {
    const checkpoint = tally.checkpoint(
      skip,
      [...inFlight.values(), chunk].flatMap(entriesOf),
      [...chunker.waiting(), ...left].flatMap(entriesOf),
      budget.committed,
    );
    try {
      await save(checkpoint);
    } catch (error) {
      stop ??= { interruption: 'callback-error', cause: error };
    }
  };

  try {
    for await (const item of readUntilAborted(chunker.read(source, stopped), options.signal)) {
      chunker.claim(item);
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
  // An item the chunker handed out that never reached the loop (an abort won the race
  // for it): booked like the rest, not lost.
  const unclaimed = chunker.unclaimed();
  if (unclaimed?.kind === 'chunk') left.push(unclaimed);
  else if (unclaimed !== undefined) {
    tally.read++;
    note(unclaimed, tally);
  }
  left.push(...chunker.remaining());
  for (let chunk = left.shift(); chunk !== undefined; chunk = left.shift()) {
    tally.read += chunk.phones.length;
    await dispatch(chunk);
  }
  while (inFlight.size > 0) await Promise.all(inFlight.keys());
  while (callbacksPending.size > 0) await Promise.all(callbacksPending);
  stopped();
  const end = {
    aborted: stop?.interruption === 'aborted',
    budgetExceeded: budget.exceeded,
    committed: budget.committed,
  };
  const summary = tally.summary(end, skip);
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
