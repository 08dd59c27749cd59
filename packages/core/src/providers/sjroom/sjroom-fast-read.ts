import { Decimal } from '../../money/decimal.js';
import type { SjroomChannel, SjroomEnvelope, SjroomReceipt } from './sjroom-api.js';

/**
 * Hand-written checks of the common, plainly valid sjroom answers: what the zod schemas
 * of `sjroom-api.ts` would give for them, without running zod. Each returns `undefined`
 * when it cannot decide (an odd but maybe acceptable form, or an invalid one): the zod
 * schema then decides and words the failure. So a valid answer costs a few type checks,
 * and every answer gets exactly the schema's verdict.
 */

/**
 * The envelope when `stateCode` is a string (or a JSON number, read as its text) and
 * `stateMsg` a string or absent.
 */
export function plainEnvelope(body: Record<string, unknown>): SjroomEnvelope | undefined {
  const { stateCode, stateMsg, data } = body;
  const code =
    typeof stateCode === 'number' && Number.isFinite(stateCode) ? String(stateCode) : stateCode;
  if (typeof code !== 'string') return undefined;
  if (stateMsg !== undefined && stateMsg !== null && typeof stateMsg !== 'string') return undefined;
  return { stateCode: code, stateMsg, data };
}

/** A balance given as decimal text, as plain decimal text. */
export function plainBalance(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return Decimal.parse(value).toString();
  } catch {
    return undefined;
  }
}

/** A batch number given as a non-empty string, or as a safe integer (read as its digits). */
export function plainBatchNo(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Receipts with string phone lists (or `null`) and non-negative integer counts. */
export function plainReceipt(value: unknown): SjroomReceipt | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const body = value as Record<string, unknown>;
  const failPhones = plainPhones(body.failPhones);
  const successPhones = plainPhones(body.successPhones);
  const { failedNum, successNum, totalNum } = body;
  if (failPhones === undefined || successPhones === undefined) return undefined;
  if (!isCount(failedNum) || !isCount(successNum) || !isCount(totalNum)) return undefined;
  return { failPhones, failedNum, successNum, successPhones, totalNum };
}

function plainPhones(value: unknown): string[] | undefined {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  for (const phone of value) if (typeof phone !== 'string') return undefined;
  return value.slice() as string[];
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Channels with a safe-integer id, a string country code, a finite non-negative price
 * and an integer status given as JSON numbers, and names and operator as strings (or
 * `null`/absent): the schema's channels, with its defaults, in its key order.
 */
export function plainChannelList(value: unknown): SjroomChannel[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const channels: SjroomChannel[] = [];
  for (const item of value) {
    const channel = plainChannel(item);
    if (channel === undefined) return undefined;
    channels.push(channel);
  }
  return channels;
}

function plainChannel(value: unknown): SjroomChannel | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const body = value as Record<string, unknown>;
  const { goodsSupplySmsConfigId, countryCode, customerPrice, status } = body;
  if (typeof goodsSupplySmsConfigId !== 'number' || !Number.isSafeInteger(goodsSupplySmsConfigId))
    return undefined;
  if (typeof countryCode !== 'string') return undefined;
  if (typeof customerPrice !== 'number' || !(customerPrice >= 0) || customerPrice === Infinity)
    return undefined;
  if (typeof status !== 'number' || !Number.isSafeInteger(status)) return undefined;
  const countryOperator = plainText(body.countryOperator);
  const nameEn = plainText(body.nameEn);
  const nameZh = plainText(body.nameZh);
  if (countryOperator === undefined || nameEn === undefined || nameZh === undefined)
    return undefined;
  let price: string;
  try {
    price = Decimal.fromNumber(customerPrice).toString();
  } catch {
    return undefined;
  }
  return {
    goodsSupplySmsConfigId,
    countryCode,
    countryOperator,
    customerPrice: price,
    nameEn,
    nameZh,
    status,
  };
}

/** A string as it is, `null` or absent as `''`; anything else undecided. */
function plainText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : undefined;
}
