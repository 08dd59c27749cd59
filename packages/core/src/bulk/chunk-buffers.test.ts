import { describe, expect, it } from 'vitest';
import { ChunkBuffers } from './chunk-buffers.js';
import type { RecipientChunk } from './recipient-chunker.js';

const make = (text: string) => (): RecipientChunk => ({
  kind: 'chunk',
  text,
  callingCode: '63',
  country: 'PH',
  phones: [],
  indices: [],
  inputs: [],
});

function add(buffers: ChunkBuffers, key: string, index: number): void {
  buffers.add(key, make(key), { phone: `63917${index}`, index, input: `+63917${index}` });
}

function addAll(buffers: ChunkBuffers, keys: string[]): void {
  for (const [index, key] of keys.entries()) add(buffers, key, index);
}

describe('ChunkBuffers', () => {
  it('gives the fullest chunk first, ties to the one that reached the size first', () => {
    const buffers = new ChunkBuffers();
    addAll(buffers, ['a', 'b', 'b', 'c', 'c', 'a', 'c']);
    expect(buffers.held).toBe(7);
    expect(buffers.takeLargest()?.text).toBe('c'); // 3
    expect(buffers.takeLargest()?.text).toBe('b'); // 2, reached before a did
    expect(buffers.held).toBe(2);
    expect(buffers.clear().map((c) => [c.text, c.indices, c.inputs])).toEqual([
      ['a', [0, 5], ['+639170', '+639175']],
    ]);
    expect(buffers.takeLargest()).toBeUndefined();
  });

  // A personalised text each: a hundred thousand one-recipient chunks held at once. The
  // fullest used to be found by scanning them all, for every recipient read.
  it('finds the fullest among a hundred thousand chunks without scanning them', () => {
    const buffers = new ChunkBuffers();
    for (let i = 0; i < 100_000; i++) add(buffers, `text ${i}`, i);
    add(buffers, 'text 77', 100_000);
    let taken = 0;
    for (let chunk = buffers.takeLargest(); chunk; chunk = buffers.takeLargest()) {
      if (taken === 0) expect(chunk.text).toBe('text 77');
      taken++;
    }
    expect(taken).toBe(100_000);
    expect(buffers.held).toBe(0);
  });

  it('keeps the keys of the chunks held in the order they were begun', () => {
    const buffers = new ChunkBuffers();
    addAll(buffers, ['x', 'y', 'x', 'z']);
    buffers.take('y');
    expect(buffers.keys()).toEqual(['x', 'z']);
    expect(buffers.take('y')).toBeUndefined();
  });
});
