/**
 * A 32-bit hash of a text's UTF-16 units under a secret 64-bit key: the HalfSipHash-1-3
 * construction (the keyed hash made against hash flooding, as Linux's `hsiphash`), fed
 * two units a word. Without the key, texts cannot be chosen to share a hash, which an
 * unkeyed hash such as FNV-1a allows even with a secret starting value (its structure
 * lets flipped bits cancel out whatever the start). Not a MAC: 32 bits, for hash tables.
 */
export class KeyedTextHash {
  readonly #k0: number;
  readonly #k1: number;
  /** The state between rounds: v0 … v3. */
  readonly #v = new Int32Array(4);

  /** A hash under the key `k0`, `k1` (two 32-bit halves). */
  constructor(k0: number, k1: number) {
    this.#k0 = k0 | 0;
    this.#k1 = k1 | 0;
  }

  /** The hash of `text` (a signed 32-bit integer). */
  hash(text: string): number {
    const v = this.#v;
    v[0] = this.#k0;
    v[1] = this.#k1;
    v[2] = 0x6c79_6765 ^ this.#k0;
    v[3] = 0x7465_6462 ^ this.#k1;
    const length = text.length;
    let i = 0;
    for (; i + 1 < length; i += 2) absorb(v, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
    // The last word carries the odd unit, if any, and the length (as SipHash's last byte).
    absorb(v, (i < length ? text.charCodeAt(i) : 0) | (length << 16));
    v[2] = (v[2] as number) ^ 0xff;
    sipRound(v);
    sipRound(v);
    sipRound(v);
    return (v[1] as number) ^ (v[3] as number);
  }
}

/** One compression round (the "1" of 1-3) over the word `m`. */
function absorb(v: Int32Array, m: number): void {
  v[3] = (v[3] as number) ^ m;
  sipRound(v);
  v[0] = (v[0] as number) ^ m;
}

/** HalfSipHash's round on the 32-bit state. */
function sipRound(v: Int32Array): void {
  let v0 = v[0] as number;
  let v1 = v[1] as number;
  let v2 = v[2] as number;
  let v3 = v[3] as number;
  v0 = (v0 + v1) | 0;
  v1 = rotl(v1, 5) ^ v0;
  v0 = rotl(v0, 16);
  v2 = (v2 + v3) | 0;
  v3 = rotl(v3, 8) ^ v2;
  v0 = (v0 + v3) | 0;
  v3 = rotl(v3, 7) ^ v0;
  v2 = (v2 + v1) | 0;
  v1 = rotl(v1, 13) ^ v2;
  v2 = rotl(v2, 16);
  v[0] = v0;
  v[1] = v1;
  v[2] = v2;
  v[3] = v3;
}

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}
