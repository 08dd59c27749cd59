import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkBuffers } from './chunk-buffers.js';

function add(buffers: ChunkBuffers, key: string, index: number): void {
  const destination = { key, text: key, callingCode: '63', country: 'PH' };
  buffers.add(destination, `63917${index}`, index, `+63917${index}`);
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

  // The model: a scan of every chunk for the largest, ties to the one that reached its
  // size first; insertion order for keys. The lists must answer the same, whatever order
  // recipients are added and chunks taken in.
  it('answers as a scan of every chunk does, for any order of adds and takes', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), key: fc.constantFrom('a', 'b', 'c', 'd') }),
      fc.record({ kind: fc.constant('take' as const), key: fc.constantFrom('a', 'b', 'c', 'd') }),
      fc.record({ kind: fc.constant('largest' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const buffers = new ChunkBuffers();
        const model = new Map<string, { indices: number[]; reachedAt: number }>();
        let step = 0;
        for (const next of ops) {
          step++;
          if (next.kind === 'add') {
            add(buffers, next.key, step);
            const held = model.get(next.key) ?? { indices: [], reachedAt: 0 };
            held.indices.push(step);
            held.reachedAt = step;
            model.set(next.key, held);
          } else if (next.kind === 'take') {
            expect(buffers.take(next.key)?.indices).toEqual(model.get(next.key)?.indices);
            model.delete(next.key);
          } else {
            let fullest: string | undefined;
            for (const [key, held] of model) {
              const best = fullest === undefined ? undefined : model.get(fullest);
              if (
                best === undefined ||
                held.indices.length > best.indices.length ||
                (held.indices.length === best.indices.length && held.reachedAt < best.reachedAt)
              )
                fullest = key;
            }
            expect(buffers.takeLargest()?.indices).toEqual(
              fullest === undefined ? undefined : model.get(fullest)?.indices,
            );
            if (fullest !== undefined) model.delete(fullest);
          }
          const total = [...model.values()].reduce((sum, held) => sum + held.indices.length, 0);
          expect(buffers.held).toBe(total);
          expect(buffers.keys()).toEqual([...model.keys()]);
        }
      }),
    );
  });
});
