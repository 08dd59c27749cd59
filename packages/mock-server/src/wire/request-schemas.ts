import * as z from 'zod';
import { describeIssue, FIELD_ERRORS } from './describe-issue.js';
import { EnvelopeError } from './envelope.js';

const requiredString = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a string') });

const credentials = {
  account: requiredString().min(1, 'must not be empty').max(200),
  password: requiredString().min(1, 'must not be empty').max(200),
};

/** `goodsSupplySmsConfigId`: an integer, or its digits as a string (as Jackson accepts). */
const channelId = z
  .custom<number | string>(
    (value) =>
      (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
      (typeof value === 'string' && /^\d{1,19}$/.test(value)),
    {
      error: (issue) => (issue.input === undefined ? 'required' : 'must be a non-negative integer'),
    },
  )
  .meta({
    description: 'Channel id (int64): a JSON integer, or its digits as a string',
    anyOf: [
      { type: 'integer', format: 'int64', minimum: 0 },
      { type: 'string', pattern: '^[0-9]{1,19}$' },
    ],
  });

/** Request bodies of the four endpoints. Unknown fields are refused so typos surface. */
export const requestSchemas = {
  list: z.strictObject(credentials),
  balance: z.strictObject(credentials),
  query: z.strictObject({
    ...credentials,
    batchNo: requiredString().min(1, 'must not be empty').max(100),
  }),
  submit: z.strictObject({
    ...credentials,
    goodsSupplySmsConfigId: channelId,
    phone: requiredString().min(1, 'must not be empty'),
    sendContent: requiredString().min(1, 'must not be empty'),
  }),
} as const;

/**
 * Validates `body` against an endpoint's schema, or throws an `EnvelopeError` with
 * `stateCode` `400` and a Spring-style message `[field:message]` naming the field.
 */
export function validateRequest<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new EnvelopeError('400', '[body:must be a JSON object]');
  }
  const result = schema.safeParse(body, FIELD_ERRORS);
  if (result.success) return result.data;
  throw new EnvelopeError('400', describeIssue(result.error));
}

/**
 * The body of list or balance when it is plainly valid — exactly `account` and
 * `password`, strings of 1–200 characters — else `undefined`: the schema then decides
 * and words the error. Saves running zod on every valid request.
 */
export function plainCredentials(
  body: unknown,
): z.output<typeof requestSchemas.balance> | undefined {
  return plainFields(body, 2) ? (body as z.output<typeof requestSchemas.balance>) : undefined;
}

/** The body of query when plainly valid (credentials and a `batchNo` of 1–100 characters). */
export function plainQuery(body: unknown): z.output<typeof requestSchemas.query> | undefined {
  if (!plainFields(body, 3)) return undefined;
  const { batchNo } = body as Record<string, unknown>;
  return typeof batchNo === 'string' && batchNo.length >= 1 && batchNo.length <= 100
    ? (body as z.output<typeof requestSchemas.query>)
    : undefined;
}

/** An object of exactly `count` own keys, with valid `account` and `password` among them. */
function plainFields(body: unknown, count: number): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { account, password } = body as Record<string, unknown>;
  return (
    isCredential(account) &&
    isCredential(password) &&
    Object.keys(body).length === count &&
    (count === 2 || Object.hasOwn(body, 'batchNo'))
  );
}

function isCredential(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200;
}
