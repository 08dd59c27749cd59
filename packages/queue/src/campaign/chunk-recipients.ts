import {
  type BulkSource,
  type ChunkerOptions,
  type RecipientChunk,
  RecipientChunker,
} from '@intl-sms/core';
import type { FailureEntry } from '../store/campaign-store.js';

export type { RecipientChunk } from '@intl-sms/core';

/** How recipients are read and grouped into chunks (core's chunker, without `skip`). */
export type ChunkingOptions = Omit<ChunkerOptions, 'skip'>;

/** A recipient refused before queueing, as the failure entry the campaign stores. */
export interface RefusedRecipient {
  readonly kind: 'refused';
  readonly entry: FailureEntry;
}

/**
 * Reads recipients through core's `RecipientChunker` (the one `sendBulk` uses) and yields
 * its chunks — at most `chunkSize` numbers of one destination and one text, one submit
 * each — and the recipients it refuses (invalid, no text, a repeat of an earlier
 * recipient over the whole campaign) as failure entries. Memory stays bounded by
 * `maxBuffered`; the output depends only on the source and the options, so a resumed
 * enqueue yields the same chunks in the same order (the chunking inputs are fingerprinted
 * with the campaign for that reason).
 */
export async function* chunkRecipients(
  source: BulkSource,
  options: ChunkingOptions,
): AsyncGenerator<RecipientChunk | RefusedRecipient> {
  for await (const item of new RecipientChunker(options).read(source)) {
    if (item.kind === 'chunk') yield item;
    else if (item.kind === 'duplicate')
      yield refused(
        item.index,
        item.input,
        'DUPLICATE',
        `duplicate of recipients[${item.duplicateOf}]: sent once`,
        'rejected',
      );
    else if (item.kind === 'rejected')
      yield item.code === 'NO_TEXT'
        ? refused(
            item.index,
            item.input,
            'NO_TEXT',
            'no text: give the recipient a text or pass text',
          )
        : refused(item.index, item.input, item.code, item.reason);
  }
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
