import { PLAIN_AMOUNT } from '../budget/max-cost.js';
import { Decimal } from '../money/decimal.js';
import { IndexBitset } from './index-bitset.js';

/** What a resume token holds: the source indexes done, and the cost committed against a cap. */
export interface ResumeState {
  /** Indexes accepted, or possibly sent, by the runs so far (and repeats of those). */
  readonly done: IndexBitset;
  /** What the runs so far committed against `maxCost` (accepted, unknown or in flight). */
  readonly committed: Decimal;
}

/**
 * Writes a resume token: the base64 bitset of the done indexes, followed, when the runs
 * committed any cost, by `~` and that cost as a decimal (`~` is outside base64).
 */
export function writeResumeToken(done: IndexBitset, committed: Decimal): string {
  const bits = done.toBase64();
  return committed.units === 0n ? bits : `${bits}~${committed}`;
}

/** Reads a token of {@link writeResumeToken} (a token without `~` has committed nothing); throws on anything else. */
export function readResumeToken(token: string): ResumeState {
  const [bits = '', cost, extra] = token.split('~');
  if (extra !== undefined) throw new RangeError('a resume token has at most one "~"');
  if (cost !== undefined && !PLAIN_AMOUNT.test(cost))
    throw new RangeError('a resume token ends with "~" and a plain decimal cost');
  const committed = cost === undefined ? Decimal.zero() : Decimal.parse(cost);
  return { done: IndexBitset.fromBase64(bits), committed };
}
