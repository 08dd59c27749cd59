import { z } from 'zod';
import { Decimal } from '../../money/decimal.js';

/**
 * Zod schemas of the sjroom wire format (see `provider-api.md`). They are lenient where
 * a Java service commonly differs from its document (`null` for an empty list, numbers
 * sent as strings) and strict where a wrong value would cost money or lose data.
 */

/** An int64 id: a safe integer stays a `number`; a larger one is kept as its digit string. */
export const sjroomInt64Schema = z
  .union([
    z.number().refine(Number.isSafeInteger, 'an integer id beyond 2^53 lost its exact value'),
    z.string().regex(/^-?\d+$/),
  ])
  .transform((value): number | string => {
    if (typeof value === 'number') return value;
    const asNumber = Number(value);
    return Number.isSafeInteger(asNumber) ? asNumber : value;
  });

const countSchema = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^\d+$/).transform(Number),
]);
const phoneListSchema = z
  .array(z.union([z.string(), z.number().transform(String)]))
  .nullish()
  .transform((value) => value ?? []);

/** The envelope every sjroom failure (and submit/balance success) uses. */
export const sjroomEnvelopeSchema = z.object({
  stateCode: z.union([z.string(), z.number().transform(String)]),
  stateMsg: z.string().nullish(),
  // Jackson's NON_NULL inclusion leaves `data` out of an error envelope.
  data: z.unknown().optional(),
});

/** One channel of `POST /api/open/int/sms/list`. */
export const sjroomChannelSchema = z.object({
  goodsSupplySmsConfigId: sjroomInt64Schema,
  countryCode: z.union([z.string(), z.number().transform(String)]),
  countryOperator: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  // A JSON number on the wire; kept as exact decimal text (its shortest round-trip form,
  // exact for the few decimals a price has), so nobody multiplies money as a float.
  customerPrice: z
    .union([z.number().nonnegative(), z.string().regex(/^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/)])
    .transform((price, context): string => {
      try {
        return (
          typeof price === 'number' ? Decimal.fromNumber(price) : Decimal.parse(price)
        ).toString();
      } catch {
        context.addIssue({ code: 'custom', message: 'the price is not a decimal number' });
        return z.NEVER;
      }
    }),
  nameEn: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  nameZh: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  status: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
});

/** The body of `POST /api/open/int/sms/list`: the account's channels. */
export const sjroomChannelListSchema = z.array(sjroomChannelSchema);

/** The body of `POST /api/open/int/sms/query`: the receipts of one batch so far. */
export const sjroomReceiptSchema = z.object({
  failPhones: phoneListSchema,
  failedNum: countSchema,
  successNum: countSchema,
  successPhones: phoneListSchema,
  totalNum: countSchema,
});

/** `data` of a successful submit: the batch number. */
export const sjroomBatchNoSchema = z.union([z.string().min(1), z.number().int().transform(String)]);

/**
 * `data` of a successful balance call: a decimal string (a JSON number, or Java's
 * exponent form such as `"1.0245E+3"`, is accepted too), as plain decimal text.
 */
export const sjroomBalanceSchema = z
  .union([z.string(), z.number()])
  .transform((value, context): string => {
    try {
      return Decimal.parse(String(value)).toString();
    } catch {
      context.addIssue({ code: 'custom', message: 'the balance is not a decimal number' });
      return z.NEVER;
    }
  });

/** A channel as the sjroom list endpoint describes it. */
export type SjroomChannel = z.output<typeof sjroomChannelSchema>;
/** Receipts of one batch as the sjroom query endpoint describes them. */
export type SjroomReceipt = z.output<typeof sjroomReceiptSchema>;
/** The sjroom envelope. */
export type SjroomEnvelope = z.output<typeof sjroomEnvelopeSchema>;
