import fc from 'fast-check';

/**
 * A price per recipient per segment with 0 to 8 decimals (most with more than four,
 * which the vendor's JSON number allows), from the smallest unit up to 0.2 (or 1 for a
 * whole-number price): exact decimal text, as the mock's control API takes it.
 */
export const priceArbitrary: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 8 })
  .chain((decimals) =>
    fc
      .integer({ min: 1, max: Math.max(1, Math.floor(0.2 * 10 ** decimals)) })
      .map((units) => decimalText(units, decimals)),
  );

/** `units × 10^-decimals` as decimal text: `decimalText(12345, 6)` is `0.012345`. */
export function decimalText(units: number, decimals: number): string {
  if (decimals === 0) return String(units);
  const digits = String(units).padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
