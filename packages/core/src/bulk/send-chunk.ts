import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { PartialSendError } from '../errors/partial-send-error.js';
import { SmsError } from '../errors/sms-error.js';
import { SubmitOutcomeUnknownError } from '../errors/submit-outcome-unknown-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { ChannelId } from '../transport/channel.js';
import type { RecipientOutcome, SendResult, SentBatch } from '../transport/send-result.js';
import type { SmsMessage } from '../transport/sms-message.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import { BulkTally } from './bulk-tally.js';
import type { RecipientChunk } from './recipient-chunker.js';

/** One recipient of a chunk: its source index, input and wire number. */
export interface ChunkEntry {
  readonly index: number;
  readonly input: string;
  readonly phone: string;
}

/** The recipients of a chunk, one by one. */
export function entriesOf(chunk: RecipientChunk): ChunkEntry[] {
  return chunk.phones.map((phone, i) => ({
    index: chunk.indices[i] as number,
    input: chunk.inputs[i] as string,
    phone,
  }));
}

/** What a chunk's send needs besides the chunk. */
export interface ChunkSendOptions {
  readonly channelId: ChannelId | undefined;
  /** False when the caller asked to send repeats. */
  readonly dedupe: boolean;
  /** How strictly the bulk checked the numbers: the send checks them the same way. */
  readonly validation: 'valid' | 'possible' | undefined;
  /** Smart encoding for every text; `undefined` leaves the transport's setting. */
  readonly smartEncoding: boolean | undefined;
}

/**
 * The message that sends a chunk. The numbers go out as `+<wire number>` so the
 * transport reads exactly what the bulk normalised and deduplicated.
 */
export function chunkMessage(chunk: RecipientChunk, options: ChunkSendOptions): SmsMessage {
  return {
    to: e164sOf(chunk),
    text: chunk.text,
    onInvalid: 'skip',
    ...(options.dedupe ? {} : { dedupe: false }),
    ...(options.validation === undefined ? {} : { phoneValidation: options.validation }),
    ...(options.channelId === undefined ? {} : { channelId: options.channelId }),
    ...(options.smartEncoding === undefined ? {} : { smartEncoding: options.smartEncoding }),
  };
}

/**
 * The chunk's numbers as `+<wire number>`: an input already written so is passed as it
 * is (the common case, and no string made for it), any other as `+` and its wire number.
 */
function e164sOf(chunk: RecipientChunk): string[] {
  const { phones, inputs } = chunk;
  const e164s = new Array<string>(phones.length);
  for (let i = 0; i < phones.length; i++) {
    const phone = phones[i] as string;
    const input = inputs[i] as string;
    e164s[i] =
      input.length === phone.length + 1 && input.charCodeAt(0) === 0x2b && input.endsWith(phone)
        ? input
        : `+${phone}`;
  }
  return e164s;
}

/**
 * Sends one chunk and books every entry in exactly one bucket; resolves with the
 * accepted batches (for `onBatch`). Never rejects. `maxCost` is the chunk's share of the
 * run's budget: the send refuses (booked `budget`) rather than spend more.
 */
export async function sendChunk(
  transport: SmsTransport,
  chunk: RecipientChunk,
  options: ChunkSendOptions,
  tally: BulkTally,
  maxCost?: string,
): Promise<readonly SentBatch[]> {
  let partial: PartialSendError | undefined;
  let result: SendResult | undefined;
  try {
    const message = chunkMessage(chunk, options);
    result = await transport.send(maxCost === undefined ? message : { ...message, maxCost });
  } catch (error) {
    if (!PartialSendError.isInstance(error)) {
      bookFailure(chunk, error, tally);
      return [];
    }
    partial = error;
  }
  // Booked apart, then joined in one step: a result that throws while it is read (a
  // transport of the caller's) leaves no entry booked twice, and its numbers, which may
  // have left, are all of unknown outcome.
  const books = new BulkTally();
  try {
    const batches = bookResult(
      chunk,
      partial ? partial.result : (result as SendResult),
      books,
      partial,
    );
    tally.absorb(books, chunk.indices);
    return batches;
  } catch (error) {
    bookFailure(chunk, unreadable('the transport’s result could not be read', error), tally);
    return [];
  }
}

/** The error that books a chunk unknown when the transport's answer cannot be trusted. */
function unreadable(reason: string, cause?: unknown): SubmitOutcomeUnknownError {
  return new SubmitOutcomeUnknownError([], '', reason, { cause });
}

/**
 * Books a send's outcomes, one per entry of the chunk. A result that does not give one
 * outcome object per number sent (a transport of the caller's that broke the contract)
 * cannot say which numbers left: every entry is then of unknown outcome, never resent.
 */
function bookResult(
  chunk: RecipientChunk,
  result: SendResult,
  tally: BulkTally,
  partial?: PartialSendError,
): readonly SentBatch[] {
  const { recipients, batches } = result;
  if (lineUp(recipients, chunk)) bookOutcomes(chunk, recipients, batches, tally, partial);
  else {
    for (const batch of batches) tally.batch(batch);
    const given = Array.isArray(recipients) ? recipients.length : 'no list of';
    bookFailure(
      chunk,
      unreadable(`the transport gave ${given} outcomes for ${chunk.phones.length} numbers`),
      tally,
    );
  }
  return batches;
}

/** Whether `outcomes` holds one outcome object for each entry of `chunk`. */
function lineUp(outcomes: unknown, chunk: RecipientChunk): outcomes is RecipientOutcome[] {
  if (!Array.isArray(outcomes) || outcomes.length !== chunk.phones.length) return false;
  for (const outcome of outcomes)
    if (typeof outcome !== 'object' || outcome === null || typeof outcome.state !== 'string')
      return false;
  return true;
}

/** Books every entry of a chunk whose whole send failed (or that was never sent). */
export function bookFailure(chunk: RecipientChunk, error: unknown, tally: BulkTally): void {
  // A transport that throws something other than an SmsError broke its contract: we
  // cannot tell whether it sent, so its numbers count as unknown, never as resendable.
  const smsError = SmsError.isInstance(error)
    ? error
    : new SubmitOutcomeUnknownError([], '', 'the transport threw a non-SMS error', {
        cause: error,
      });
  for (const entry of entriesOf(chunk)) {
    const failure = { ...entry, code: smsError.code, reason: smsError.message };
    if (BudgetExceededError.isInstance(smsError)) tally.budget(failure);
    else if (SubmitOutcomeUnknownError.isInstance(smsError)) tally.unknown(failure);
    else if (ValidationError.isInstance(smsError))
      tally.reject({ index: entry.index, input: entry.input, reason: smsError.message });
    else tally.fail(failure);
  }
}

/** Books the per-recipient outcomes of a send (whole or partial) of `chunk`. */
function bookOutcomes(
  chunk: RecipientChunk,
  outcomes: readonly RecipientOutcome[],
  batches: readonly SentBatch[],
  tally: BulkTally,
  partial?: PartialSendError,
): void {
  for (const batch of batches) tally.batch(batch);
  const { phones, indices, inputs } = chunk;
  // Positions of the first entry of each number, for a duplicate's `duplicateOf`: built
  // only when the send reports one (the bulk's own dedupe leaves the send none to find).
  let firstWithPhone: Map<string, number> | undefined;
  outcomes.forEach((outcome, i) => {
    const index = indices[i] as number;
    const phone = phones[i] as string;
    if (outcome.state === 'accepted') tally.accept(index);
    else {
      const entry: ChunkEntry = { index, input: inputs[i] as string, phone };
      const reason = outcome.reason ?? '';
      switch (outcome.state) {
        case 'unknown':
          tally.unknown({ ...entry, code: 'SUBMIT_OUTCOME_UNKNOWN', reason });
          break;
        case 'failed':
          tally.fail({ ...entry, code: failureCode(partial, outcome.phone), reason });
          break;
        case 'duplicate':
          firstWithPhone ??= firstPositions(chunk, i);
          tally.duplicate({
            index,
            input: entry.input,
            phone,
            duplicateOf: firstWithPhone.get(phone) ?? index,
          });
          break;
        default:
          tally.reject({ index, input: entry.input, reason });
      }
    }
    if (firstWithPhone !== undefined && !firstWithPhone.has(phone))
      firstWithPhone.set(phone, index);
  });
}

/** The source index of the first entry of each number among the chunk's first `count`. */
function firstPositions(chunk: RecipientChunk, count: number): Map<string, number> {
  const firsts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const phone = chunk.phones[i] as string;
    if (!firsts.has(phone)) firsts.set(phone, chunk.indices[i] as number);
  }
  return firsts;
}

function failureCode(partial: PartialSendError | undefined, phone: string | undefined): string {
  if (!partial || phone === undefined) return 'SUBMIT_FAILED';
  return partial.failures.find((f) => f.phones.includes(phone))?.error.code ?? 'SUBMIT_FAILED';
}
