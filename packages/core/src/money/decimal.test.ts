import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';

describe('Decimal', () => {
  it('keeps the provider text exactly, scale included', () => {
    for (const text of ['1024.5000', '13.92', '0', '-0.0050', '1000']) {
      expect(Decimal.parse(text).toString()).toBe(text);
    }
  });

  it('refuses text that is not a decimal', () => {
    for (const text of ['', 'abc', '1.2.3', '0x10', ' ', '1e', 'e5', '1e12345', 'NaN']) {
      expect(() => Decimal.parse(text)).toThrow(RangeError);
    }
  });

  it("reads Java BigDecimal's exponent form exactly", () => {
    expect(Decimal.parse('1.0245E+3').toString()).toBe('1024.5');
    expect(Decimal.parse('1E+3').toString()).toBe('1000');
    expect(Decimal.parse('5E-4').toString()).toBe('0.0005');
    expect(Decimal.parse('-1.5e2').toString()).toBe('-150');
    expect(Decimal.fromNumber(1e21).toString()).toBe('1000000000000000000000');
    expect(Decimal.fromNumber(1.5e-7).toString()).toBe('0.00000015');
  });

  it('adds and subtracts without floating point drift', () => {
    let sum = Decimal.zero(4);
    const cent = Decimal.parse('0.0001');
    for (let i = 0; i < 100_000; i++) sum = sum.add(cent);
    expect(sum.toString()).toBe('10.0000');
    expect(Decimal.parse('0.1').add(Decimal.parse('0.2')).toString()).toBe('0.3');
    expect(Decimal.parse('1000.0000').subtract(Decimal.parse('0.0484')).toString()).toBe(
      '999.9516',
    );
  });

  it('multiplies by decimals and integer counts exactly', () => {
    expect(Decimal.parse('0.0242').multiply(2).multiply(10_000n).toString()).toBe('484.0000');
    expect(Decimal.parse('0.05').multiply(Decimal.parse('1.5')).toString()).toBe('0.075');
    expect(() => Decimal.parse('1').multiply(1.5)).toThrow(RangeError);
    // A Decimal from a second installed copy of core fails `instanceof` but is one.
    const fromOtherCopy = { units: 25n, scale: 1 } as unknown as Decimal;
    expect(Decimal.parse('0.04').multiply(fromOtherCopy).toString()).toBe('0.100');
  });

  it('compares across scales', () => {
    expect(Decimal.parse('1.50').compare(Decimal.parse('1.5'))).toBe(0);
    expect(Decimal.parse('1.49').compare(Decimal.parse('1.5'))).toBe(-1);
    expect(Decimal.parse('-2').compare(Decimal.parse('1'))).toBe(-1);
    expect(Decimal.parse('2.0001').equals(Decimal.parse('2.0001'))).toBe(true);
  });

  it('converts JSON numbers through their shortest exact text', () => {
    expect(Decimal.fromNumber(0.035).toString()).toBe('0.035');
    expect(Decimal.fromNumber(1e-7).toString()).toBe('0.0000001');
    expect(() => Decimal.fromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('serialises as its string in JSON', () => {
    expect(JSON.stringify({ balance: Decimal.parse('13.92') })).toBe('{"balance":"13.92"}');
  });
});
