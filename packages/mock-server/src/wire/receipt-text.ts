import type { BatchReceipt } from '../state/batch.js';
import { stringifyWithInt64 } from './envelope.js';

/**
 * `stringifyWithInt64(receipt)` for a query's answer, with its keys written once (a
 * precompiled serializer, as fast-json-stringify makes them): a polling client's most
 * frequent call after the balance. The counts are whole numbers; the phone lists are
 * serialised by `JSON.stringify`, so they are escaped exactly as before.
 */
export function stringifyReceipt(receipt: BatchReceipt): string {
  const { failPhones, failedNum, successNum, successPhones, totalNum } = receipt;
  return `{"failPhones":${stringifyWithInt64(failPhones)},"failedNum":${failedNum},"successNum":${successNum},"successPhones":${stringifyWithInt64(successPhones)},"totalNum":${totalNum}}`;
}
