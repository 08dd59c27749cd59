import type * as SjroomApi from './sjroom-api.js';
import { sjroomApiNow } from './sjroom-api-loader.js';

type SchemaName = keyof typeof SjroomApi;

/**
 * A stand-in for one exported schema that loads zod and the schemas on first use, so
 * importing `@intl-sms/core` does not: every property, method and `instanceof` goes to
 * the real zod schema.
 */
function lazySchema<K extends SchemaName>(name: K): (typeof SjroomApi)[K] {
  const real = () => sjroomApiNow()[name] as object;
  return new Proxy({} as (typeof SjroomApi)[K], {
    get(_, property) {
      const target = real();
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has: (_, property) => Reflect.has(real(), property),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor(_, property) {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), property);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

/** zod schema of an int64 id: a safe `number`, or the exact digit `string` above 2^53. */
export const sjroomInt64Schema = lazySchema('sjroomInt64Schema');
/** zod schema of the `{ stateCode, stateMsg, data }` envelope. */
export const sjroomEnvelopeSchema = lazySchema('sjroomEnvelopeSchema');
/** zod schema of one channel of the list endpoint. */
export const sjroomChannelSchema = lazySchema('sjroomChannelSchema');
/** zod schema of the list endpoint's payload. */
export const sjroomChannelListSchema = lazySchema('sjroomChannelListSchema');
/** zod schema of the query endpoint's payload (receipts of a batch). */
export const sjroomReceiptSchema = lazySchema('sjroomReceiptSchema');
/** zod schema of the submit endpoint's payload (the batch number). */
export const sjroomBatchNoSchema = lazySchema('sjroomBatchNoSchema');
/** zod schema of the balance endpoint's payload (an exact decimal string). */
export const sjroomBalanceSchema = lazySchema('sjroomBalanceSchema');
