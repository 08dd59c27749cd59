import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './amount.js';

describe('mock money', () => {
  it('parses and formats four-decimal amounts exactly', () => {
    expect(parseAmount('1000.0000')).toBe(10_000_000n);
    expect(parseAmount('13.92')).toBe(139_200n);
    expect(parseAmount(0.0242)).toBe(242n);
    expect(parseAmount('-0.5')).toBe(-5_000n);
    expect(formatAmount(10_000_000n)).toBe('1000.0000');
    expect(formatAmount(-5n)).toBe('-0.0005');
  });

  it('refuses more than four decimals and non-numbers', () => {
    for (const bad of ['0.00001', 'abc', '', '1e3', Number.NaN])
      expect(parseAmount(bad)).toBeUndefined();
  });

  it('does not drift over 100,000 charges', () => {
    let balance = parseAmount('1000.0000') ?? 0n;
    for (let i = 0; i < 100_000; i++) balance -= parseAmount('0.0001') ?? 0n;
    expect(formatAmount(balance)).toBe('990.0000');
  });
});
