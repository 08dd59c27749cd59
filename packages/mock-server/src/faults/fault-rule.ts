import * as z from 'zod';

/** The four sjroom endpoints, and `*` for all of them. */
export const ENDPOINTS = ['list', 'submit', 'query', 'balance'] as const;
/** A sjroom endpoint name. */
export type Endpoint = (typeof ENDPOINTS)[number];

/**
 * A fault rule. Faults before processing: `latency` (adds delay, combines with others),
 * `state-code` (a business error envelope), `http-status` (a bare HTTP error such as a
 * gateway's 502), `drop` (the connection is closed without an answer), `rate-limit`
 * (`429` beyond `limit` requests per second). Faults after processing — the request
 * took effect, only the answer is damaged: `reset` (connection reset), `truncate` (half
 * the body), `non-json` (an HTML page with status 200).
 */
export const faultRuleSchema = z
  .strictObject({
    id: z.string().max(100).optional(),
    endpoint: z.enum([...ENDPOINTS, '*']).default('*'),
    account: z.string().max(200).optional(),
    type: z.enum([
      'latency',
      'state-code',
      'http-status',
      'drop',
      'rate-limit',
      'reset',
      'truncate',
      'non-json',
    ]),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    delayMaxMs: z.number().int().min(0).max(600_000).optional(),
    stateCode: z.string().min(1).max(20).optional(),
    stateMsg: z.string().max(500).optional(),
    status: z.number().int().min(400).max(599).optional(),
    limit: z.number().int().min(0).max(1_000_000).optional(),
    times: z.number().int().min(1).optional(),
    probability: z.number().min(0).max(1).optional(),
  })
  .superRefine((rule, context) => {
    const need = (field: keyof typeof rule) => {
      if (rule[field] === undefined) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `required for type ${rule.type}`,
        });
      }
    };
    if (rule.type === 'latency') need('delayMs');
    if (rule.type === 'state-code') need('stateCode');
    if (rule.type === 'http-status') need('status');
    if (rule.type === 'rate-limit') need('limit');
  });

/** A fault rule as given to `PUT /__mock/faults` or the `faults` option. */
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
/** A validated fault rule. */
export type FaultRule = z.output<typeof faultRuleSchema>;
