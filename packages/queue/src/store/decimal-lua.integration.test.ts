import { Decimal } from '@intl-sms/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedis } from '../test-support/redis-server.js';
import { DECIMAL_LUA } from './decimal-lua.js';

// The budget's Lua arithmetic, run by a real Redis, against core's bigint Decimal.
let server: { url: string; close(): Promise<void> };
let redis: Redis;
beforeAll(async () => {
  server = await testRedis();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.close();
});

/** Runs `op(ARGV[1], ARGV[2])` in Redis's Lua. */
async function lua(op: 'decAdd' | 'decSub' | 'decCmp', a: string, b: string): Promise<string> {
  const script = `${DECIMAL_LUA}\nreturn tostring(${op}(ARGV[1], ARGV[2]))`;
  return String(await redis.eval(script, 0, a, b));
}

/** A deterministic stream of pseudo-random integers (no test depends on Math.random). */
function prng(seed: number) {
  let state = seed >>> 0;
  return (max: number) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % max;
  };
}

/** A random decimal ≥ 0 with up to 30 integer digits and 0–12 decimals. */
function randomDecimal(next: (max: number) => number): string {
  const whole = Array.from({ length: 1 + next(30) }, () => next(10)).join('');
  const scale = next(13);
  const fraction = Array.from({ length: scale }, () => next(10)).join('');
  return Decimal.parse(scale === 0 ? whole : `${whole}.${fraction}`).toString();
}

describe('Lua decimal arithmetic of the budget', () => {
  it('adds 10,000 × 0.0001 to exactly 1.0000, where doubles drift', async () => {
    const script = `${DECIMAL_LUA}
local sum = '0'
for i = 1, 10000 do sum = decAdd(sum, ARGV[1]) end
local float = 0
for i = 1, 10000 do float = float + tonumber(ARGV[1]) end
return {sum, string.format('%.17g', float)}`;
    const [sum, float] = (await redis.eval(script, 0, '0.0001')) as [string, string];
    expect(sum).toBe('1.0000');
    // The same sum in Lua numbers is not 1: why amounts stay strings.
    expect(float).not.toBe('1');
  });

  it('prices 10,000 recipients at 0.0001 and compares with a cap across scales', async () => {
    const script = `${DECIMAL_LUA}
local chunk = '0'
for i = 1, 10000 do chunk = decAdd(chunk, ARGV[1]) end
local committed = decAdd(ARGV[2], chunk)
return {committed, decCmp(committed, ARGV[3]), decCmp(committed, ARGV[4])}`;
    const reply = await redis.eval(
      script,
      0,
      '0.0001',
      '98.99999999',
      '99.99999999',
      '99.999999989',
    );
    expect(reply).toEqual(['99.99999999', 0, 1]);
  });

  it('adds, subtracts and compares exactly like core’s Decimal, over random scales and sizes', async () => {
    const next = prng(22);
    for (let i = 0; i < 400; i++) {
      const a = randomDecimal(next);
      const b = randomDecimal(next);
      const [x, y] = [Decimal.parse(a), Decimal.parse(b)];
      expect(Decimal.parse(await lua('decAdd', a, b)).equals(x.add(y)), `${a} + ${b}`).toBe(true);
      const [big, small] = x.compare(y) >= 0 ? [a, b] : [b, a];
      const difference = Decimal.parse(big).subtract(Decimal.parse(small));
      expect(
        Decimal.parse(await lua('decSub', big, small)).equals(difference),
        `${big} - ${small}`,
      ).toBe(true);
      expect(Number(await lua('decCmp', a, b)), `${a} <=> ${b}`).toBe(x.compare(y));
    }
  });

  it('keeps the longer scale, carries across the point and never goes below zero', async () => {
    expect(await lua('decAdd', '1.50', '2')).toBe('3.50');
    expect(await lua('decAdd', '0.9999', '0.0001')).toBe('1.0000');
    expect(await lua('decAdd', '999', '1')).toBe('1000');
    expect(await lua('decSub', '1.0000', '0.0001')).toBe('0.9999');
    expect(await lua('decSub', '100', '0.01')).toBe('99.99');
    expect(await lua('decSub', '1', '2')).toBe('0');
    expect(await lua('decCmp', '1.10', '1.1')).toBe('0');
    expect(await lua('decCmp', '0.00000000000000000001', '0')).toBe('1');
  });
});
