import { ValidationError } from '../../errors/validation-error.js';
import { wireNumberValue } from '../../phone/wire-number-value.js';

/** Most numbers one sjroom submit accepts (the vendor's documented limit). */
export const SJROOM_MAX_PHONES_PER_SUBMIT = 10_000;

/** Fewest digits of a wire number the provider takes. */
const MIN_WIRE_DIGITS = 6;

/** Returns the channel id as the digits of a JSON integer, or throws naming `channelId`. */
export function channelIdDigits(channelId: unknown): string {
  if (typeof channelId === 'number' && Number.isSafeInteger(channelId) && channelId >= 0)
    return String(channelId);
  if (typeof channelId === 'bigint' && channelId >= 0n) return channelId.toString();
  if (typeof channelId === 'string' && /^\d{1,19}$/.test(channelId))
    return channelId.replace(/^0+(?=\d)/, '');
  throw new ValidationError(
    'channelId',
    'channelId must be a non-negative integer (number, bigint or digit string)',
  );
}

/**
 * Checks the numbers of a low-level submit: 1–10 000 wire-format numbers (digits, country
 * code first). Returns a copy of the values it checked, read once each: what goes on the
 * wire is what was checked, even from an array whose elements change when read again.
 */
export function checkWirePhones(phones: unknown): readonly string[] {
  // `length` is read once: the size checked is the size copied.
  const list: readonly unknown[] = Array.isArray(phones) ? phones : [];
  const count: unknown = list.length;
  // A real array's length is a whole number; a Proxy's need not be.
  if (typeof count !== 'number' || !Number.isInteger(count) || count <= 0) {
    throw new ValidationError('phones', 'phones must be a non-empty array of numbers');
  }
  if (count > SJROOM_MAX_PHONES_PER_SUBMIT) {
    throw new ValidationError(
      'phones',
      `phones holds ${count} numbers; one submit takes at most ${SJROOM_MAX_PHONES_PER_SUBMIT}`,
    );
  }
  const checked: string[] = new Array(count);
  // Every position, holes of a sparse array included (`forEach` would skip them).
  for (let index = 0; index < count; index++) {
    const phone = list[index];
    if (
      typeof phone !== 'string' ||
      phone.length < MIN_WIRE_DIGITS ||
      wireNumberValue(phone) === undefined
    ) {
      throw new ValidationError(
        `phones[${index}]`,
        `phones[${index}] must be 6–15 digits, country code first, without + or 00`,
      );
    }
    checked[index] = phone;
  }
  return checked;
}

/** Checks the text of a submit: a non-empty string. */
export function checkContent(content: unknown, field = 'content'): string {
  if (typeof content !== 'string' || content.length === 0) {
    throw new ValidationError(field, `${field} must be a non-empty string`);
  }
  return content;
}

/** Checks a batch number: a non-empty string. */
export function checkBatchNo(batchNo: unknown): string {
  if (typeof batchNo !== 'string' || batchNo.trim() === '') {
    throw new ValidationError('batchNo', 'batchNo must be a non-empty string');
  }
  return batchNo;
}
