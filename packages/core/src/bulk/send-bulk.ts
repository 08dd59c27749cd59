import { PartialSendError } from '../errors/partial-send-error.js';
import { SmsError } from '../errors/sms-error.js';
import { SubmitOutcomeUnknownError } from '../errors/submit-outcome-unknown-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { loadPhoneNormalizer, type PhoneOptions } from '../phone/normalize-phone.js';
import type { ChannelId } from '../transport/channel.js';
import type { RecipientOutcome, SentBatch } from '../transport/send-result.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import { BulkTally } from './bulk-tally.js';
import type { BulkProgress, BulkSource, BulkSummary } from './bulk-types.js';
import { IndexBitset } from './index-bitset.js';
import { RateLimiter } from './rate-limiter.js';

/** Options of {@link sendBulk}. */
export interface BulkOptions extends PhoneOptions {
  /** The text for recipients that have none of their own. */
  readonly text?: string;
  /** Send every recipient through this channel instead of routing by country. */
  readonly channelId?: ChannelId;
  /** Recipients per send (default 10 000, the provider's submit limit). */
  readonly chunkSize?: number;
  /** Sends running at once (default 2). */
  readonly concurrency?: number;
  /** At most this many sends start per second; each send of one country and text is one submit. */
  readonly ratePerSecond?: number;
  /** Stops reading the source; sends in flight finish; the summary says `aborted`. */
  readonly signal?: AbortSignal;
  /** Called after each send with the running counters. */
  readonly onProgress?: (progress: BulkProgress) => void;
  /** Called with each accepted batch and its wire numbers, to record them as they go. */
  readonly onBatch?: (batch: SentBatch) => void;
  /** A previous run's summary or `resumeToken`: recipients it accepted (or may have sent) are skipped. */
  readonly resumeFrom?: BulkSummary | string;
  /** Most recipients held in memory waiting for their chunk to fill (default 50 000). */
  readonly maxBuffered?: number;
}

interface Entry {
  readonly index: number;
  readonly input: string;
}

interface Chunk {
  readonly text: string;
  readonly entries: Entry[];
}

/**
 * Sends to a stream of recipients with bounded memory: recipients are read one by one,
 * grouped by destination country and text into chunks of at most `chunkSize`, and sent
 * through `transport.send` with bounded concurrency and an optional rate. A failed send
 * does not stop the others. The summary puts every recipient read in exactly one of
 * submitted, rejected, failed, unknown or skipped, and can resume the run.
 */
export async function sendBulk(
  transport: SmsTransport,
  source: BulkSource,
  options: BulkOptions = {},
): Promise<BulkSummary> {
  const chunkSize = options.chunkSize ?? 10_000;
  const concurrency = options.concurrency ?? 2;
  const maxBuffered = Math.max(chunkSize, options.maxBuffered ?? 50_000);
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new ValidationError('chunkSize', 'chunkSize must be a positive integer');
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new ValidationError('concurrency', 'concurrency must be a positive integer');
  if (options.ratePerSecond !== undefined && !(options.ratePerSecond > 0)) {
    throw new ValidationError('ratePerSecond', 'ratePerSecond must be a positive number');
  }
  const normalize = await loadPhoneNormalizer();
  const skip = resumeSet(options.resumeFrom);
  const tally = new BulkTally();
  const rate = options.ratePerSecond ? new RateLimiter(options.ratePerSecond) : undefined;
  const buffers = new Map<string, Chunk>();
  const inFlight = new Set<Promise<void>>();
  let buffered = 0;

  const dispatch = async (chunk: Chunk) => {
    buffered -= chunk.entries.length;
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (rate) await rate.take();
    const job = sendChunk(transport, chunk, options, tally).finally(() => {
      inFlight.delete(job);
      options.onProgress?.(tally.progress());
    });
    inFlight.add(job);
  };

  let index = -1;
  for await (const recipient of source as AsyncIterable<unknown>) {
    index++;
    if (options.signal?.aborted) break;
    tally.read++;
    if (skip?.has(index)) {
      tally.skip();
      continue;
    }
    const { input, text } = readRecipient(recipient, options.text);
    if (text === undefined) {
      tally.reject({
        index,
        input,
        reason: 'no text: give the recipient a text or pass options.text',
      });
      continue;
    }
    const check = normalize(input, options);
    if (!check.ok) {
      tally.reject({ index, input, reason: check.reason });
      continue;
    }
    const key = `${check.value.callingCode}\u0000${text}`;
    const chunk = buffers.get(key) ?? { text, entries: [] };
    chunk.entries.push({ index, input });
    buffers.set(key, chunk);
    buffered++;
    if (chunk.entries.length >= chunkSize) {
      buffers.delete(key);
      await dispatch(chunk);
    } else if (buffered >= maxBuffered) {
      const largest = [...buffers.entries()].reduce((a, b) =>
        b[1].entries.length > a[1].entries.length ? b : a,
      );
      buffers.delete(largest[0]);
      await dispatch(largest[1]);
    }
  }
  for (const chunk of buffers.values()) {
    if (!options.signal?.aborted) await dispatch(chunk);
    else
      for (const entry of chunk.entries)
        tally.fail({
          ...entry,
          phone: undefined,
          code: 'ABORTED',
          reason: 'not sent: the bulk send was aborted',
        });
  }
  await Promise.all(inFlight);
  return tally.summary(Boolean(options.signal?.aborted), skip);
}

async function sendChunk(
  transport: SmsTransport,
  chunk: Chunk,
  options: BulkOptions,
  tally: BulkTally,
): Promise<void> {
  const to = chunk.entries.map((entry) => entry.input);
  try {
    const result = await transport.send({
      to,
      text: chunk.text,
      onInvalid: 'skip',
      ...(options.channelId === undefined ? {} : { channelId: options.channelId }),
      ...(options.defaultCountry === undefined ? {} : { defaultCountry: options.defaultCountry }),
    });
    record(chunk, result.recipients, result.batches, tally, options);
  } catch (error) {
    if (error instanceof PartialSendError) {
      record(chunk, error.result.recipients, error.result.batches, tally, options, error);
      return;
    }
    const smsError = SmsError.isInstance(error)
      ? error
      : new SmsError('INTERNAL', String(error), { cause: error });
    const unknown = smsError instanceof SubmitOutcomeUnknownError;
    for (const entry of chunk.entries) {
      const failure = { ...entry, phone: undefined, code: smsError.code, reason: smsError.message };
      if (unknown) tally.unknown(failure);
      else if (smsError instanceof ValidationError)
        tally.reject({ ...entry, reason: smsError.message });
      else tally.fail(failure);
    }
  }
}

function record(
  chunk: Chunk,
  outcomes: readonly RecipientOutcome[],
  batches: readonly SentBatch[],
  tally: BulkTally,
  options: BulkOptions,
  partial?: PartialSendError,
): void {
  for (const batch of batches) {
    tally.batch(batch);
    options.onBatch?.(batch);
  }
  outcomes.forEach((outcome, i) => {
    const entry = chunk.entries[i] as Entry;
    const reason = outcome.reason ?? '';
    const code =
      partial?.failures.find((f) => outcome.phone !== undefined && f.phones.includes(outcome.phone))
        ?.error.code ?? 'SUBMIT_FAILED';
    if (outcome.state === 'accepted') tally.accept(entry.index);
    else if (outcome.state === 'unknown')
      tally.unknown({ ...entry, phone: outcome.phone, code: 'SUBMIT_OUTCOME_UNKNOWN', reason });
    else if (outcome.state === 'failed')
      tally.fail({ ...entry, phone: outcome.phone, code, reason });
    else tally.reject({ ...entry, reason });
  });
}

function readRecipient(
  recipient: unknown,
  defaultText: string | undefined,
): { input: string; text: string | undefined } {
  if (typeof recipient === 'string') return { input: recipient, text: defaultText };
  if (typeof recipient === 'object' && recipient !== null && 'to' in recipient) {
    const { to, text } = recipient as { to: unknown; text?: unknown };
    return {
      input: String(to),
      text: typeof text === 'string' && text.length > 0 ? text : defaultText,
    };
  }
  return { input: String(recipient), text: defaultText };
}

function resumeSet(resumeFrom: BulkOptions['resumeFrom']): IndexBitset | undefined {
  if (resumeFrom === undefined) return undefined;
  const token = typeof resumeFrom === 'string' ? resumeFrom : resumeFrom.resumeToken;
  try {
    return IndexBitset.fromBase64(token);
  } catch (error) {
    throw new ValidationError('resumeFrom', 'resumeFrom is not a bulk summary or resume token', {
      cause: error,
    });
  }
}
