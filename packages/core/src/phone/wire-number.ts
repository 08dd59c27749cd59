/** A number in the form the sjroom API takes, or why the input cannot be one. */
export type WireNumberResult =
  | { readonly ok: true; readonly phone: string }
  | { readonly ok: false; readonly reason: string };

const SEPARATORS = /[\s\-().]/g;

/**
 * Converts an international number (`+63 917 123 4567`, `0063-917…`, `63917…`) to the
 * wire form: digits only, country code first, no `+` or `00`. Checks the E.164 length
 * (at most 15 digits) but not the numbering plan.
 */
export function toWireNumber(input: string): WireNumberResult {
  if (typeof input !== 'string') return { ok: false, reason: 'not a string' };
  let digits = input.replace(SEPARATORS, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'contains characters other than digits' };
  if (digits.startsWith('0')) return { ok: false, reason: 'no country code (national format)' };
  if (digits.length < 6 || digits.length > 15) return { ok: false, reason: 'not 6–15 digits long' };
  return { ok: true, phone: digits };
}
