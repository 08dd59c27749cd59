/** Most digits of a wire (E.164) number, calling code included. */
export const MAX_WIRE_DIGITS = 15;

/**
 * The value of `phone` when it is 1–15 ASCII digits, the first not 0: what a wire number
 * is. Distinct such strings have distinct values, all exact as doubles and none 0, so
 * the value stands for the number in typed-array tables. `undefined` for anything else.
 */
export function wireNumberValue(phone: string): number | undefined {
  const length = phone.length;
  if (length === 0 || length > MAX_WIRE_DIGITS || phone.charCodeAt(0) === 0x30) return undefined;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = phone.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}
