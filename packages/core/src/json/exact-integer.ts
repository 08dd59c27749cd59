/** A JSON number literal: sign, integer digits, fraction digits, exponent. */
const NUMBER_LITERAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
/** Integers longer than this are not ids or amounts: leave them to `JSON.parse`. */
const MAX_DIGITS = 40;

/**
 * The exact integer a JSON number literal denotes, as `-?digits` without leading zeros
 * (`"12345678901234567891.0"` and `"1.2345678901234567891e19"` both give
 * `"12345678901234567891"`), or `undefined` when it has a non-zero fraction, is not a
 * number literal, or would have more than 40 digits.
 */
export function exactIntegerDigits(literal: string): string | undefined {
  const match = NUMBER_LITERAL.exec(literal);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_DIGITS * 2) return undefined;
  const digits = whole + fraction;
  const pointAt = whole.length + exponent;
  if (pointAt > MAX_DIGITS + digits.length) return undefined;
  const integerPart = pointAt <= 0 ? '' : digits.slice(0, pointAt).padEnd(pointAt, '0');
  const rest = pointAt <= 0 ? digits : digits.slice(Math.max(0, pointAt));
  if (/[1-9]/.test(rest)) return undefined;
  const trimmed = integerPart.replace(/^0+/, '') || '0';
  if (trimmed.length > MAX_DIGITS) return undefined;
  return trimmed === '0' ? '0' : sign + trimmed;
}
