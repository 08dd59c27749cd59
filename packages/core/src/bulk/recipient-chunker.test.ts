import { describe, expect, it } from 'vitest';
import { type ChunkerNote, type RecipientChunk, RecipientChunker } from './recipient-chunker.js';

/** `count` numbers in each of five countries, interleaved. */
function* fiveCountries(count: number): Generator<string> {
  const prefixes = ['+63917', '+447400', '+9198123', '+49151', '+5511912'];
  const widths = [7, 6, 4, 8, 6];
  for (let i = 0; i < count; i++)
    for (const [c, prefix] of prefixes.entries())
      yield `${prefix}${String(i + 10).padStart(widths[c] as number, '0')}`;
}

async function collect(
  source: Iterable<unknown> | AsyncIterable<unknown>,
  chunkSize: number,
  maxBuffered: number,
  dedupe = true,
) {
  const chunker = new RecipientChunker({
    chunkSize,
    maxBuffered,
    dedupe,
    text: 'Hi',
    validation: 'possible',
  });
  const chunks: RecipientChunk[] = [];
  const notes: ChunkerNote[] = [];
  for await (const item of chunker.read(source as Iterable<string>))
    if (item.kind === 'chunk') chunks.push(item);
    else notes.push(item);
  return { chunks, notes };
}

describe('RecipientChunker', () => {
  it('keeps the chunks a consumer did not take before stopping in remaining()', async () => {
    const chunker = new RecipientChunker({
      chunkSize: 10,
      maxBuffered: 10_000,
      dedupe: true,
      validation: 'possible',
    });
    const texts = ['one', 'two', 'three'].map((text) => ({ to: '+12025550010', text }));
    const taken: RecipientChunk[] = [];
    for await (const item of chunker.read(texts)) {
      if (item.kind === 'chunk') taken.push(item);
      break;
    }
    const left = chunker.remaining();
    expect(taken.map((c) => c.text)).toEqual(['one']);
    expect(left.map((c) => c.text)).toEqual(['two', 'three']);
  });

  it('makes chunks of one destination and text, at most chunkSize long, covering every index once', async () => {
    const { chunks } = await collect(fiveCountries(250), 100, 10_000);
    expect(chunks.every((c) => c.phones.length <= 100)).toBe(true);
    expect(new Set(chunks.map((c) => c.callingCode))).toEqual(
      new Set(['63', '44', '91', '49', '55']),
    );
    for (const chunk of chunks)
      expect(chunk.phones.every((p) => p.startsWith(chunk.callingCode))).toBe(true);
    expect(chunks.flatMap((c) => c.indices).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 1_250 }, (_, i) => i),
    );
  });

  it('holds at most maxBuffered recipients, however long and mixed the source', async () => {
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
    const chunker = new RecipientChunker({
      chunkSize: 10_000,
      maxBuffered: 5_000,
      dedupe: true,
      text: 'Hi',
      validation: 'possible',
    });
    for await (const item of chunker.read(source()))
      if (item.kind === 'chunk') emitted += item.phones.length;
    expect(emitted).toBe(100_000);
    expect(peak).toBeLessThanOrEqual(5_001);
  });

  it('yields the same chunks for the same source (a resumed run sees the same ones)', async () => {
    const list = [...fiveCountries(300)];
    expect((await collect(list, 70, 400)).chunks).toEqual((await collect(list, 70, 400)).chunks);
  });

  it('notes invalid input, missing texts and repeats by source index, and skips what it is told to', async () => {
    const source = [
      '+447400123456',
      'hello',
      { to: '+639171234567', text: 'Own' },
      '+44 7400 123456',
      { to: null },
    ];
    const { chunks, notes } = await collect(source, 10, 100);
    expect(notes.map((n) => [n.kind, n.index])).toEqual([
      ['rejected', 1],
      ['duplicate', 3],
      ['rejected', 4],
    ]);
    expect(chunks.map((c) => [c.text, c.indices])).toEqual([
      ['Hi', [0]],
      ['Own', [2]],
    ]);
    const skipping = new RecipientChunker({
      chunkSize: 10,
      maxBuffered: 100,
      dedupe: true,
      text: 'Hi',
      skip: (i) => i === 0,
    });
    const items = [];
    for await (const item of skipping.read(['+447400123456', '+447400123456']))
      items.push(item.kind);
    // The skipped first one is remembered: its repeat is a duplicate, not sent again.
    expect(items).toEqual(['skipped', 'duplicate']);
  });
});
