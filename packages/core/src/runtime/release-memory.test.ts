import { describe, expect, it, vi } from 'vitest';
import { releaseMemory } from './release-memory.js';

describe('releaseMemory', () => {
  it('detaches the array’s buffer, so its memory no longer waits for a full collection', () => {
    const array = new Float64Array(1024).fill(7);
    releaseMemory(array);
    expect(array.buffer.byteLength).toBe(0);
    expect(array.length).toBe(0);
  });

  it('uses `transfer(0)` where the runtime has it', () => {
    const transfer = vi.fn(() => new ArrayBuffer(0));
    releaseMemory({ buffer: { transfer } } as unknown as ArrayBufferView);
    expect(transfer).toHaveBeenCalledWith(0);
  });

  it('leaves a buffer that cannot be detached as it was, without throwing', () => {
    const shared = new Int32Array(new SharedArrayBuffer(64)).fill(3);
    releaseMemory(shared);
    expect([...shared]).toEqual(new Array(16).fill(3));
  });
});
