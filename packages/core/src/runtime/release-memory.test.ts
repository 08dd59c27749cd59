import { describe, expect, it, vi } from 'vitest';
import { MIN_RELEASED_BYTES, releaseMemory } from './release-memory.js';

describe('releaseMemory', () => {
  it('detaches the array’s buffer, so its memory no longer waits for a full collection', () => {
    const array = new Float64Array(MIN_RELEASED_BYTES / 8).fill(7);
    releaseMemory(array);
    expect(array.buffer.byteLength).toBe(0);
    expect(array.length).toBe(0);
  });

  it('leaves a small array to the collector (detaching it costs more than it saves)', () => {
    const array = new Float64Array(MIN_RELEASED_BYTES / 8 - 1).fill(7);
    releaseMemory(array);
    expect(array.length).toBe(MIN_RELEASED_BYTES / 8 - 1);
    expect(array[0]).toBe(7);
  });

  it('uses `transfer(0)` where the runtime has it', () => {
    const transfer = vi.fn(() => new ArrayBuffer(0));
    releaseMemory({
      byteLength: MIN_RELEASED_BYTES,
      buffer: { transfer },
    } as unknown as ArrayBufferView);
    expect(transfer).toHaveBeenCalledWith(0);
  });

  it('leaves a buffer that cannot be detached as it was, without throwing', () => {
    const shared = new Int32Array(new SharedArrayBuffer(MIN_RELEASED_BYTES)).fill(3);
    releaseMemory(shared);
    expect(shared.length).toBe(MIN_RELEASED_BYTES / 4);
    expect(shared.every((value) => value === 3)).toBe(true);
  });
});
