/**
 * Money in the mock is kept as integer units of 10^-8: balances and costs are shown
 * with four decimals (like the vendor's `"1000.0000"`), and with more only when a price
 * has more (the vendor's `customerPrice` is a JSON number with no stated precision, so
 * a price such as `0.012345` must be charged exactly too). The mock keeps its own money
 * on purpose: it is the oracle the client's `Decimal` is checked against.
 */
export const AMOUNT_SCALE = 8;
/** Decimals every formatted amount shows at least. */
export const SHOWN_DECIMALS = 4;
const FACTOR = 10n ** BigInt(AMOUNT_SCALE);
const AMOUNT_TEXT = /^(-)?(\d+)(?:\.(\d{1,8}))?$/;

/** Parses a decimal string (or finite number) with at most eight decimals into units. */
export function parseAmount(value: string | number): bigint | undefined {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? plainNumber(value) : '') : value.trim();
  const match = AMOUNT_TEXT.exec(text);
  if (!match) return undefined;
  const [, minus, whole = '0', fraction = ''] = match;
  const units = BigInt(whole) * FACTOR + BigInt(fraction.padEnd(AMOUNT_SCALE, '0'));
  return minus ? -units : units;
}

/** Units of a whole number of 0.0001 (how the generated catalogue draws prices). */
export function tenThousandths(count: number): bigint {
  return BigInt(count) * 10n ** BigInt(AMOUNT_SCALE - SHOWN_DECIMALS);
}

/**
 * Formats units as a decimal string with four decimals, or more when the amount has
 * more (trailing zeros beyond the fourth dropped): `1000.0000`, `0.012345`.
 */
export function formatAmount(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / FACTOR;
  const digits = (abs % FACTOR).toString().padStart(AMOUNT_SCALE, '0');
  let shown = AMOUNT_SCALE;
  while (shown > SHOWN_DECIMALS && digits[shown - 1] === '0') shown--;
  return `${negative ? '-' : ''}${whole}.${digits.slice(0, shown)}`;
}

/** A number as plain decimal digits: `1e-7` is written `0.0000001`, so it parses like its text. */
function plainNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value
    .toFixed(AMOUNT_SCALE + 2)
    .replace(/0+$/, '')
    .replace(/\.$/, '');
}
