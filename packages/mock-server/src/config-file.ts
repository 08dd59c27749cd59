import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { faultRuleSchema } from './faults/fault-rule.js';
import type { MockServerOptions } from './options.js';
import { describeIssue, FIELD_ERRORS } from './wire/describe-issue.js';

const amount = z.union([z.string(), z.number()]);

const configSchema = z.strictObject({
  seed: z.number().int().optional(),
  bigIds: z.boolean().optional(),
  demoAccount: z.boolean().optional(),
  failureRate: z.number().min(0).max(1).optional(),
  receiptDelay: z
    .union([
      z.number().int().min(0),
      z.strictObject({ minMs: z.number().int().min(0), maxMs: z.number().int().min(0) }),
    ])
    .optional(),
  accounts: z
    .array(
      z.strictObject({
        account: z.string().min(1),
        password: z.string().min(1),
        balance: amount.optional(),
        channels: z
          .union([z.array(z.union([z.string(), z.number()])), z.enum(['all', 'none'])])
          .optional(),
      }),
    )
    .optional(),
  faults: z.array(faultRuleSchema).optional(),
  token: z.string().min(1).optional(),
  allowedHosts: z.array(z.string().min(1)).optional(),
});

/**
 * Reads a mock configuration file (`.json`, `.yaml` or `.yml`): accounts, seed, receipt
 * delay, failure rate, start faults. Throws an `Error` naming the file and field.
 */
export async function loadMockConfig(path: string): Promise<MockServerOptions> {
  const text = await readFile(path, 'utf8');
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(path) ? (await import('yaml')).parse(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}`, {
      cause: error,
    });
  }
  const parsed = configSchema.safeParse(raw ?? {}, FIELD_ERRORS);
  if (!parsed.success) throw new Error(`${path}: ${describeIssue(parsed.error)}`);
  return parsed.data as MockServerOptions;
}
