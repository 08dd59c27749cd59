import { describe, expect, it } from 'vitest';
import { fiveCountries, numbers } from '../test-support/numbers.js';
import { chunkRecipients, type RecipientChunk } from './chunk-recipients.js';

async function collect(
  source: Iterable<unknown> | AsyncIterable<unknown>,
  chunkSize: number,
  maxBuffered: number,
  dedupe = true,
) {
  const chunks: RecipientChunk[] = [];
  const refused: number[] = [];
  const codes: string[] = [];
  for await (const item of chunkRecipients(source as Iterable<string>, {
    chunkSize,
    maxBuffered,
    text: 'Hi',
    validation: 'possible',
    dedupe,
  })) {
    if (item.kind === 'chunk') chunks.push(item);
    else {
      refused.push(item.entry[0]);
      codes.push((JSON.parse(item.entry[1]) as { code: string }).code);
    }
  }
  return { chunks, refused, codes };
}

describe('chunkRecipients', () => {
  // Grouping, chunk sizes and the memory bound are core's RecipientChunker's, tested
  // there; these tests cover what the queue's adapter adds: refusals as failure entries.
  it('yields the same chunks for the same source (a resumed enqueue recreates them)', async () => {
    const list = [...fiveCountries(300), ...numbers('+447400', 50, 6, 9_000)];
    const a = await collect(list, 70, 400);
    const b = await collect(list, 70, 400);
    expect(b.chunks).toEqual(a.chunks);
  });

  it('refuses what is not a number or has no text, by source index', async () => {
    const source = ['+447400123456', 'hello', { to: '+639171234567', text: 'Own' }, 42];
    const { chunks, refused } = await collect(source, 10, 100);
    expect(refused).toEqual([1, 3]);
    expect(chunks.map((c) => [c.text, c.indices])).toEqual([
      ['Hi', [0]],
      ['Own', [2]],
    ]);
  });

  // Found by the send-path property: two chunks of one campaign were two submits of one number.
  it('refuses a repeat of an earlier recipient in any chunk, unless dedupe is off', async () => {
    const source = [
      '+6591230010',
      '+447400123456',
      '+65 9123 0010',
      { to: '+6591230010', text: 'Own' },
    ];
    const deduped = await collect(source, 1, 100);
    expect(deduped.refused).toEqual([2]);
    expect(deduped.codes).toEqual(['DUPLICATE']);
    expect(deduped.chunks.flatMap((c) => c.phones)).toEqual([
      '6591230010',
      '447400123456',
      '6591230010',
    ]);
    const repeated = await collect(source, 1, 100, false);
    expect(repeated.refused).toEqual([]);
    expect(repeated.chunks).toHaveLength(4);
  });
});
