import { describe, expect, it } from 'vitest';
import { ChunkBuffers } from './chunk-buffers.js';
import type { RecipientChunk } from './chunk-recipients.js';

const make = (text: string) => (): RecipientChunk => ({
  kind: 'chunk',
  text,
  callingCode: '63',
  country: 'PH',
  phones: [],
  indices: [],
});

describe('ChunkBuffers', () => {
  it('gives the largest chunk first, ties to the one that reached the size first', () => {
    const buffers = new ChunkBuffers();
    let i = 0;
    for (const text of ['a', 'b', 'b', 'c', 'c', 'a', 'c'])
      buffers.add(text, make(text), `63917000${i}`, i++);
    expect(buffers.held).toBe(7);
    expect(buffers.takeLargest()?.text).toBe('c'); // 3
    expect(buffers.takeLargest()?.text).toBe('b'); // 2, reached before a did
    expect(buffers.held).toBe(2);
    expect([...buffers.drain()].map((c) => [c.text, c.indices])).toEqual([['a', [0, 5]]]);
    expect(buffers.takeLargest()).toBeUndefined();
  });

  // A personalised text each: a hundred thousand one-recipient chunks held at once. The
  // largest used to be found by scanning them all, for every recipient read.
  it('finds the largest among a hundred thousand chunks without scanning them', () => {
    const buffers = new ChunkBuffers();
    for (let i = 0; i < 100_000; i++) buffers.add(`text ${i}`, make(`text ${i}`), `${i}`, i);
    buffers.add('text 77', make('text 77'), 'x', 100_000);
    let taken = 0;
    for (let chunk = buffers.takeLargest(); chunk; chunk = buffers.takeLargest()) {
      if (taken === 0) expect(chunk.text).toBe('text 77');
      taken++;
    }
    expect(taken).toBe(100_000);
    expect(buffers.held).toBe(0);
  });
});
