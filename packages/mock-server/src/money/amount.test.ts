import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, tenThousandths } from './amount.js';

describe('mock money', () => {
  it('parses and formats four-decimal amounts exactly', () => {
    expect(parseAmount('1000.0000')).toBe(100_000_000_000n);
    expect(parseAmount('13.92')).toBe(1_392_000_000n);
    expect(parseAmount(0.0242)).toBe(2_420_000n);
    expect(parseAmount('-0.5')).toBe(-50_000_000n);
    expect(formatAmount(100_000_000_000n)).toBe('1000.0000');
    expect(formatAmount(-tenThousandths(5))).toBe('-0.0005');
  });

  it('keeps up to eight decimals, shown only when present', () => {
    expect(parseAmount('0.012345')).toBe(1_234_500n);
    expect(formatAmount(1_234_500n)).toBe('0.012345');
    expect(formatAmount(1n)).toBe('0.00000001');
    expect(formatAmount(parseAmount('0.00005') ?? 0n)).toBe('0.00005');
    expect(parseAmount(1e-7)).toBe(10n);
    expect(formatAmount(parseAmount('2.50000000') ?? 0n)).toBe('2.5000');
  });

  it('refuses more than eight decimals and non-numbers', () => {
    for (const bad of ['0.000000001', 'abc', '', '1e3', Number.NaN, 1e-9])
      expect(parseAmount(bad)).toBeUndefined();
  });

  it('does not drift over 100,000 charges', () => {
    let balance = parseAmount('1000.0000') ?? 0n;
    for (let i = 0; i < 100_000; i++) balance -= parseAmount('0.0001') ?? 0n;
    expect(formatAmount(balance)).toBe('990.0000');
    for (let i = 0; i < 100_000; i++) balance -= parseAmount('0.00000123') ?? 0n;
    expect(formatAmount(balance)).toBe('989.8770');
  });
});
