import type { BatchReceipt } from '../state/batch.js';
import { stringifyWithInt64 } from './envelope.js';

const DIGITS = /^\d+$/;

/**
 * `stringifyWithInt64(receipt)` for a query's answer, with its keys written once (a
 * precompiled serializer, as fast-json-stringify makes them): a polling client's most
 * frequent call after the balance. The counts are whole numbers; the phone lists are
 * written by hand while their numbers are plain digits (as the mock stores them), by
 * `stringifyWithInt64` otherwise, so they are escaped exactly as before.
 */
export function stringifyReceipt(receipt: BatchReceipt): string {
  const { failPhones, failedNum, successNum, successPhones, totalNum } = receipt;
  return `{"failPhones":${phonesText(failPhones)},"failedNum":${failedNum},"successNum":${successNum},"successPhones":${phonesText(successPhones)},"totalNum":${totalNum}}`;
}

/** A list of numbers as JSON: digit strings need no escaping. */
function phonesText(phones: readonly string[]): string {
  let text = '[';
  for (let i = 0; i < phones.length; i++) {
    const phone = phones[i] as string;
    if (!DIGITS.test(phone)) return stringifyWithInt64(phones);
    text += i === 0 ? `"${phone}"` : `,"${phone}"`;
  }
  return `${text}]`;
}
