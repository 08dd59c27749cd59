import { describe, expect, it } from 'vitest';
import { fiveCountries, numbers } from '../test-support/numbers.js';
import { chunkRecipients, type RecipientChunk } from './chunk-recipients.js';

async function collect(
  source: Iterable<unknown> | AsyncIterable<unknown>,
  chunkSize: number,
  maxBuffered: number,
) {
  const chunks: RecipientChunk[] = [];
  const refused: number[] = [];
  for await (const item of chunkRecipients(source as Iterable<string>, {
    chunkSize,
    maxBuffered,
    text: 'Hi',
    validation: 'possible',
  })) {
    if (item.kind === 'chunk') chunks.push(item);
    else refused.push(item.entry[0]);
  }
  return { chunks, refused };
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
});
