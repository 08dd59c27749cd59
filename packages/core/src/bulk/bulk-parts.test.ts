import { describe, expect, it } from 'vitest';
import { runLimited } from '../sending/run-limited.js';
import { IndexBitset } from './index-bitset.js';
import { RateLimiter } from './rate-limiter.js';

describe('IndexBitset', () => {
  it('grows, round-trips through base64, and stays small', () => {
    const set = new IndexBitset(new Uint8Array(1));
    for (const i of [0, 7, 8, 999_999]) set.add(i);
    const copy = IndexBitset.fromBase64(set.toBase64());
    expect([0, 7, 8, 999_999].every((i) => copy.has(i))).toBe(true);
    expect(copy.has(1)).toBe(false);
    expect(copy.has(5_000_000)).toBe(false);
    expect(Buffer.from(set.toBase64(), 'base64').length).toBe(125_000);
  });
});

describe('runLimited', () => {
  it('never runs more than the limit, keeps order, and settles every task', async () => {
    let active = 0;
    let peak = 0;
    const results = await runLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setImmediate(resolve));
      active--;
      if (n === 3) throw new Error('three');
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(
      results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
    ).toEqual([10, 20, 'three', 40, 50, 60]);
  });
});

describe('RateLimiter', () => {
  it('spaces starts evenly', async () => {
    const limiter = new RateLimiter(50);
    const started = performance.now();
    for (let i = 0; i < 6; i++) await limiter.take();
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });
});
