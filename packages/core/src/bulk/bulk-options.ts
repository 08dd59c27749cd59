import type { MaxCost } from '../budget/max-cost.js';
import { ValidationError } from '../errors/validation-error.js';
import type { PhoneOptions } from '../phone/normalize-phone.js';
import type { ChannelId } from '../transport/channel.js';
import type { SentBatch } from '../transport/send-result.js';
import type { BulkProgress, BulkSummary } from './bulk-types.js';
import { type ResumeState, readResumeToken } from './resume-token.js';

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
  /**
   * A write-ahead checkpoint, awaited before each chunk's submit leaves: it gets the
   * summary the run would end with if it stopped right now and no submit in flight ever
   * answered — recipients accepted or of unknown outcome, and those of every submit in
   * flight or about to leave (this chunk's included: `unknown`, code `IN_FLIGHT`), are
   * in its `resumeToken`; recipients read but still waiting for their chunk are `failed`
   * (code `NOT_SUBMITTED`). Save it durably (write, fsync, rename): whenever the process
   * dies — a crash, an out-of-memory kill, a reboot — the last checkpoint saved is a safe
   * `resumeFrom`, which sends nothing this run may have sent. A throw (or a rejected
   * promise) stops the run before this chunk's submit (`callback-error`), and the chunk
   * is booked failed: never submitted, safe to send again.
   */
  readonly beforeSubmit?: ((checkpoint: BulkSummary) => unknown) | undefined;
  /** A previous run's summary or `resumeToken`: recipients it accepted (or may have sent) are skipped. */
  readonly resumeFrom?: BulkSummary | string | undefined;
  /** Most recipients held in memory waiting for their chunk to fill (default 50 000). */
  readonly maxBuffered?: number | undefined;
  /** Replace GSM-7 look-alikes in every text (see `SmsMessage.smartEncoding`); default: the transport's. */
  readonly smartEncoding?: boolean | undefined;
  /**
   * The most the run may spend, in the account's currency (`"250.00"`). Before each
   * chunk's submit its exact estimate is added to what is committed (accepted, in flight,
   * or of unknown outcome); the first chunk that would cross the cap, and every later
   * one, is not submitted: booked `budget`, safe to send by a resumed run. The run then
   * resolves with `budgetExceeded: true`. The cap counts what the runs resumed from
   * committed (the resume token carries it), so resume with a raised cap.
   */
  readonly maxCost?: MaxCost | undefined;
}

/** Every key of {@link BulkOptions}. */
export const BULK_OPTION_KEYS: readonly string[] = Object.keys({
  text: true,
  channelId: true,
  chunkSize: true,
  concurrency: true,
  ratePerSecond: true,
  dedupe: true,
  signal: true,
  onProgress: true,
  onBatch: true,
  beforeSubmit: true,
  resumeFrom: true,
  maxBuffered: true,
  smartEncoding: true,
  maxCost: true,
  defaultCountry: true,
  validation: true,
} satisfies Record<keyof BulkOptions, true>);

/** Refuses a source that is not iterable (a single string is refused too). */
export function checkSource(source: unknown): void {
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

/** `value`, or `fallback` when absent, refused unless a positive integer. */
export function checkedInteger(value: number | undefined, fallback: number, field: string): number {
  const checked = value ?? fallback;
  if (!Number.isInteger(checked) || checked < 1)
    throw new ValidationError(field, `${field} must be a positive integer`);
  return checked;
}

/** The indexes an earlier run handled and the cost it committed, from its summary or token. */
export function resumeState(resumeFrom: BulkOptions['resumeFrom']): ResumeState | undefined {
  if (resumeFrom === undefined) return undefined;
  const token = typeof resumeFrom === 'string' ? resumeFrom : resumeFrom?.resumeToken;
  try {
    if (typeof token !== 'string') throw new TypeError('no resume token');
    return readResumeToken(token);
  } catch (error) {
    throw new ValidationError('resumeFrom', 'resumeFrom is not a bulk summary or resume token', {
      cause: error,
    });
  }
}
