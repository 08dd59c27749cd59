import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { PartialSendError } from '../errors/partial-send-error.js';
import { SmsError } from '../errors/sms-error.js';
import { SubmitOutcomeUnknownError } from '../errors/submit-outcome-unknown-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { ChannelId } from '../transport/channel.js';
import type { RecipientOutcome, SentBatch } from '../transport/send-result.js';
import type { SmsMessage } from '../transport/sms-message.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import type { BulkTally } from './bulk-tally.js';
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
    to: chunk.phones.map((phone) => `+${phone}`),
    text: chunk.text,
    onInvalid: 'skip',
    ...(options.dedupe ? {} : { dedupe: false }),
    ...(options.validation === undefined ? {} : { phoneValidation: options.validation }),
    ...(options.channelId === undefined ? {} : { channelId: options.channelId }),
    ...(options.smartEncoding === undefined ? {} : { smartEncoding: options.smartEncoding }),
  };
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
  try {
    const message = chunkMessage(chunk, options);
    const result = await transport.send(maxCost === undefined ? message : { ...message, maxCost });
    bookOutcomes(chunk, result.recipients, result.batches, tally);
    return result.batches;
  } catch (error) {
    if (PartialSendError.isInstance(error)) {
      bookOutcomes(chunk, error.result.recipients, error.result.batches, tally, error);
      return error.result.batches;
    }
    bookFailure(chunk, error, tally);
    return [];
  }
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
  const firstWithPhone = new Map<string, number>();
  const entries = entriesOf(chunk);
  outcomes.forEach((outcome, i) => {
    const entry = entries[i] as ChunkEntry;
    const reason = outcome.reason ?? '';
    switch (outcome.state) {
      case 'accepted':
        tally.accept(entry.index);
        break;
      case 'unknown':
        tally.unknown({ ...entry, code: 'SUBMIT_OUTCOME_UNKNOWN', reason });
        break;
      case 'failed':
        tally.fail({ ...entry, code: failureCode(partial, outcome.phone), reason });
        break;
      case 'duplicate':
        tally.duplicate({
          index: entry.index,
          input: entry.input,
          phone: entry.phone,
          duplicateOf: firstWithPhone.get(entry.phone) ?? entry.index,
        });
        break;
      default:
        tally.reject({ index: entry.index, input: entry.input, reason });
    }
    if (!firstWithPhone.has(entry.phone)) firstWithPhone.set(entry.phone, entry.index);
  });
}

function failureCode(partial: PartialSendError | undefined, phone: string | undefined): string {
  if (!partial || phone === undefined) return 'SUBMIT_FAILED';
  return partial.failures.find((f) => f.phones.includes(phone))?.error.code ?? 'SUBMIT_FAILED';
}
