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
  it('makes chunks of one country and text, at most chunkSize long, covering every index once', async () => {
    const { chunks } = await collect(fiveCountries(250), 100, 10_000);
    expect(chunks.every((c) => c.phones.length <= 100)).toBe(true);
    expect(new Set(chunks.map((c) => c.callingCode))).toEqual(
      new Set(['63', '44', '91', '49', '55']),
    );
    for (const chunk of chunks)
      expect(chunk.phones.every((p) => p.startsWith(chunk.callingCode))).toBe(true);
    const indices = chunks.flatMap((c) => c.indices).sort((a, b) => a - b);
    expect(indices).toEqual(Array.from({ length: 1_250 }, (_, i) => i));
  });

  it('holds at most maxBuffered recipients, however long and mixed the stream', async () => {
    let read = 0;
    let emitted = 0;
    let peak = 0;
    async function* source() {
      for (const phone of fiveCountries(20_000)) {
        read++;
        peak = Math.max(peak, read - emitted);
        yield phone;
      }
    }
    for await (const item of chunkRecipients(source(), {
      chunkSize: 10_000,
      maxBuffered: 5_000,
      text: 'Hi',
      validation: 'possible',
      dedupe: true,
    })) {
      if (item.kind === 'chunk') emitted += item.phones.length;
    }
    expect(emitted).toBe(100_000);
    expect(peak).toBeLessThanOrEqual(5_001);
  });

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
