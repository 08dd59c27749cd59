import { fromBase64, toBase64 } from '../runtime/base64.js';

/** A growable set of non-negative integers, one bit each: 1,000,000 indexes take 125 KB. */
export class IndexBitset {
  #bits: Uint8Array;

  constructor(bits: Uint8Array = new Uint8Array(1024)) {
    this.#bits = bits;
  }

  /** Restores a set written by {@link IndexBitset.toBase64}. */
  static fromBase64(text: string): IndexBitset {
    return new IndexBitset(fromBase64(text));
  }

  /** Adds `index`. */
  add(index: number): void {
    const byte = index >>> 3;
    if (byte >= this.#bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.#bits.length * 2));
      grown.set(this.#bits);
      this.#bits = grown;
    }
    this.#bits[byte] = (this.#bits[byte] ?? 0) | (1 << (index & 7));
  }

  /** Whether `index` is in the set. */
  has(index: number): boolean {
    return (((this.#bits[index >>> 3] ?? 0) >> (index & 7)) & 1) === 1;
  }

  /** The set as base64, trailing empty bytes dropped. */
  toBase64(): string {
    let end = this.#bits.length;
    while (end > 0 && this.#bits[end - 1] === 0) end--;
    return toBase64(this.#bits.subarray(0, end));
  }
}
