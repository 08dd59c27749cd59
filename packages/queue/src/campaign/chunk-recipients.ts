import { type BulkSource, normalizePhone, type PhoneOptions, SeenMessages } from '@intl-sms/core';
import type { FailureEntry } from '../store/campaign-store.js';
import { ChunkBuffers } from './chunk-buffers.js';
import { ownText } from './require-text.js';

/** How recipients are read and grouped into chunks. */
export interface ChunkingOptions extends PhoneOptions {
  /** The text of recipients without their own. */
  readonly text?: string;
  /** Most numbers per chunk. */
  readonly chunkSize: number;
  /** Most recipients held waiting for their chunk to fill; the largest is flushed beyond. */
  readonly maxBuffered: number;
  /** Refuse a repeat of an earlier recipient (same number and text) as `DUPLICATE`. */
  readonly dedupe: boolean;
}

/** A chunk ready to store: numbers of one destination country and one text. */
export interface RecipientChunk {
  readonly kind: 'chunk';
  readonly text: string;
  /** The destination's calling code digits (`63`). */
  readonly callingCode: string;
  /** The destination's ISO country, when the numbering plan tells. */
  readonly country: string | undefined;
  readonly phones: string[];
  readonly indices: number[];
}

/** A recipient refused before queueing. */
export interface RefusedRecipient {
  readonly kind: 'refused';
  readonly entry: FailureEntry;
}

/**
 * Reads recipients one by one and yields chunks of at most `chunkSize` numbers with the
 * same destination country and text (so each chunk is one submit on one channel), and
 * recipients refused on the way (invalid, no text, a repeat of an earlier recipient).
 * Memory stays bounded by `maxBuffered` (plus 16 bytes a distinct number for finding
 * repeats) whatever the source's length; the output depends only on the source, so a
 * resumed enqueue yields the same chunks in the same order.
 */
export async function* chunkRecipients(
  source: BulkSource,
  options: ChunkingOptions,
): AsyncGenerator<RecipientChunk | RefusedRecipient> {
  const buffers = new ChunkBuffers();
  // Repeats are found over the whole campaign, not per chunk: two chunks would be two submits.
  const seen = options.dedupe ? new SeenMessages() : undefined;
  const phoneOptions = {
    ...(options.defaultCountry === undefined ? {} : { defaultCountry: options.defaultCountry }),
    ...(options.validation === undefined ? {} : { validation: options.validation }),
  };
  let index = -1;
  for await (const recipient of source as AsyncIterable<unknown>) {
    index++;
    const { input, text } = readRecipient(recipient, options.text);
    if (text === undefined) {
      yield refused(index, input, 'NO_TEXT', 'no text: give the recipient a text or pass text');
      continue;
    }
    const check = await normalizePhone(input, phoneOptions);
    if (!check.ok) {
      yield refused(index, input, 'INVALID_NUMBER', check.reason);
      continue;
    }
    const first = seen ? seen.firstIndex(check.value.phone, text, index) : index;
    if (first !== index) {
      yield refused(
        index,
        input,
        'DUPLICATE',
        `duplicate of recipients[${first}]: sent once`,
        'rejected',
      );
      continue;
    }
    const key = `${check.value.country ?? check.value.callingCode}\u0000${text}`;
    const { callingCode, country, phone } = check.value;
    const make = (): RecipientChunk => ({
      kind: 'chunk',
      text,
      callingCode,
      country,
      phones: [],
      indices: [],
    });
    const chunk = buffers.add(key, make, phone, index);
    if (chunk.phones.length >= options.chunkSize) yield buffers.take(key);
    else if (buffers.held >= options.maxBuffered) {
      const largest = buffers.takeLargest();
      if (largest) yield largest;
    }
  }
  yield* buffers.drain();
}

function refused(
  index: number,
  input: string,
  code: string,
  reason: string,
  kind: 'invalid' | 'rejected' = 'invalid',
): RefusedRecipient {
  const member = JSON.stringify({ index, phone: input, kind, code, reason });
  return { kind: 'refused', entry: [index, member] };
}

function readRecipient(recipient: unknown, defaultText: string | undefined) {
  if (typeof recipient === 'object' && recipient !== null && 'to' in recipient) {
    const { to } = recipient as { to: unknown };
    return { input: String(to), text: ownText(recipient) ?? defaultText };
  }
  return { input: String(recipient), text: defaultText };
}
