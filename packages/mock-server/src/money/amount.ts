/** Money in the mock is kept as integer units of 0.0001 (four decimals, like the balance). */
export const AMOUNT_SCALE = 4;
const FACTOR = 10n ** BigInt(AMOUNT_SCALE);
const AMOUNT_TEXT = /^(-)?(\d+)(?:\.(\d{1,4}))?$/;

/** Parses a decimal string (or finite number) with at most four decimals into units. */
export function parseAmount(value: string | number): bigint | undefined {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = AMOUNT_TEXT.exec(text);
  if (!match) return undefined;
  const [, minus, whole = '0', fraction = ''] = match;
  const units = BigInt(whole) * FACTOR + BigInt(fraction.padEnd(AMOUNT_SCALE, '0'));
  return minus ? -units : units;
}

/** Formats units as a decimal string with four decimals, e.g. `1000.0000`. */
export function formatAmount(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(AMOUNT_SCALE, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
