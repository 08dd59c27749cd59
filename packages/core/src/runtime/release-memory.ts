/** `ArrayBuffer.prototype.transfer` (ES2024: Node 22+, Bun, Deno, Workers), not in every lib. */
type DetachableBuffer = ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer };

/** Smallest array worth giving back at once. */
export const MIN_RELEASED_BYTES = 64 * 1024;

/**
 * Gives a typed array's memory back now, rather than at the next full collection: a
 * table that has lived long enough to be old is otherwise kept, dead, until V8 next
 * collects its old generation, and a table that grows leaves one such copy each time
 * (a third of a million-number dedupe table's peak). The array is empty afterwards
 * (its buffer detached, with every other view of it): call it only on an array that
 * owns its whole buffer and that nothing reads again.
 *
 * `transfer(0)` frees the memory at once; where it is missing (Node 20), the memory
 * moves to a new, young buffer that is dropped at once and freed by one of the next
 * minor collections (they come every few milliseconds in a busy process; a few of them
 * measured), never waiting for a full one. Where neither works, the array is left as it
 * was: this only saves memory. Arrays under {@link MIN_RELEASED_BYTES} are left to the
 * collector too: detaching one (3.6 µs through `structuredClone`) costs more than it saves.
 */
export function releaseMemory(array: ArrayBufferView): void {
  if (array.byteLength < MIN_RELEASED_BYTES) return;
  const buffer = array.buffer as DetachableBuffer;
  try {
    if (typeof buffer.transfer === 'function') buffer.transfer(0);
    else structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });
  } catch {
    // A buffer that cannot be detached (shared, or a runtime without either) is left to the GC.
  }
}
