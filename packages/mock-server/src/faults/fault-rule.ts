import * as z from 'zod';
import { channelIdField, countryField, phoneField, stateCodeField } from './matcher-fields.js';

/**
 * Business codes the contract makes proofs that a call was refused, nothing processed
 * (a submit answered so is safe to send again): no fault may answer one after processing.
 */
const REFUSALS: ReadonlySet<string> = new Set(['400', '401', '402', '403', '413', '429']);

/** The four sjroom endpoints, and `*` for all of them. */
export const ENDPOINTS = ['list', 'submit', 'query', 'balance'] as const;
/** A sjroom endpoint name. */
export type Endpoint = (typeof ENDPOINTS)[number];

/** The kinds of fault, in the order the README's table lists them. */
export const FAULT_TYPES = [
  'latency',
  'state-code',
  'http-status',
  'drop',
  'rate-limit',
  'reset',
  'truncate',
  'non-json',
] as const;
/** A kind of fault. */
export type FaultType = (typeof FAULT_TYPES)[number];

/** Most links in one `then` chain; deeper nesting is refused before it is walked. */
export const MAX_CHAIN_LINKS = 100;

/**
 * A fault rule as given to `PUT /__mock/faults`, the `faults` option or the config file.
 * See the README's "Faults" section for the exact semantics.
 */
export interface FaultRuleInput {
  /** A name to recognise the rule by in `GET /__mock/faults`. */
  readonly id?: string;
  /** The endpoint the rule matches; default `*` (every endpoint). */
  readonly endpoint?: Endpoint | '*';
  /** Matches calls whose body's `account` is exactly this. */
  readonly account?: string;
  /** Matches submits to a channel of this country: calling code (`63`, `"+63"`) or ISO code (`"PH"`). */
  readonly country?: string | number;
  /** Matches submits to this channel id. */
  readonly channelId?: string | number;
  /** Matches submits whose `phone` list holds this number (`+` and spaces ignored). */
  readonly phone?: string | number;
  /** The fault. */
  readonly type: FaultType;
  /** `latency`: the delay, or the lower bound with `delayMaxMs`. */
  readonly delayMs?: number;
  /** `latency`: the upper bound of a random delay. */
  readonly delayMaxMs?: number;
  /** `state-code`: the business code answered (a number is turned into its string). */
  readonly stateCode?: string | number;
  /** `state-code`: the message answered; default `injected fault`. */
  readonly stateMsg?: string;
  /** `state-code`: answer the envelope without its `data` key (Jackson's NON_NULL inclusion). */
  readonly omitData?: boolean;
  /**
   * `state-code`, `http-status`: process the request first (a submit is sent and
   * charged), then answer the error — as a provider's exception handler or a gateway can.
   */
  readonly afterProcessing?: boolean;
  /** `http-status`: the HTTP status (400–599). */
  readonly status?: number;
  /** `rate-limit`: requests per second let through. */
  readonly limit?: number;
  /** Pass the first `nth − 1` matching calls untouched; apply from the `nth`. */
  readonly nth?: number;
  /** Apply this many times, then the rule is used up; default 1 with `nth`, else unlimited. */
  readonly times?: number;
  /** Apply each due call with this chance (seeded); not for `rate-limit`. */
  readonly probability?: number;
  /** The rule that takes over once this one is used up. */
  readonly then?: FaultRuleInput;
}

/** A validated fault rule: matchers and `stateCode` normalised to strings, `endpoint` defaulted. */
export interface FaultRule
  extends Omit<
    FaultRuleInput,
    'endpoint' | 'country' | 'channelId' | 'phone' | 'stateCode' | 'then'
  > {
  readonly endpoint: Endpoint | '*';
  /** The calling code's digits (`63`) or the upper-case ISO code (`PH`). */
  readonly country?: string;
  /** The channel id's digits. */
  readonly channelId?: string;
  /** The number's digits. */
  readonly phone?: string;
  readonly stateCode?: string;
  readonly then?: FaultRule;
}

/** The fields each type needs. */
const REQUIRED: Partial<Record<FaultType, keyof FaultRule>> = {
  latency: 'delayMs',
  'state-code': 'stateCode',
  'http-status': 'status',
  'rate-limit': 'limit',
};

const linkSchema: z.ZodType<FaultRule, FaultRuleInput> = z
  .strictObject({
    id: z.string().max(100).optional(),
    endpoint: z.enum([...ENDPOINTS, '*']).default('*'),
    account: z.string().max(200).optional(),
    country: countryField.optional(),
    channelId: channelIdField.optional(),
    phone: phoneField.optional(),
    type: z.enum(FAULT_TYPES),
    delayMs: z.int().min(0).max(600_000).optional(),
    delayMaxMs: z.int().min(0).max(600_000).optional(),
    stateCode: stateCodeField.optional(),
    stateMsg: z.string().max(500).optional(),
    omitData: z.boolean().optional(),
    afterProcessing: z.boolean().optional(),
    status: z.int().min(400).max(599).optional(),
    limit: z.int().min(0).max(1_000_000).optional(),
    nth: z.int().min(1).optional(),
    times: z.int().min(1).optional(),
    probability: z.number().min(0).max(1).optional(),
    then: z.lazy((): z.ZodType<FaultRule, FaultRuleInput> => linkSchema).optional(),
  })
  .superRefine((rule, context) => {
    const refuse = (field: keyof FaultRule, message: string) =>
      context.addIssue({ code: 'custom', path: [field], message });
    const required = REQUIRED[rule.type];
    if (required && rule[required] === undefined)
      refuse(required, `required for type ${rule.type}`);
    if (rule.omitData !== undefined && rule.type !== 'state-code')
      refuse('omitData', 'only for type state-code');
    if (
      rule.afterProcessing !== undefined &&
      rule.type !== 'state-code' &&
      rule.type !== 'http-status'
    )
      refuse('afterProcessing', 'only for types state-code and http-status');
    if (rule.afterProcessing && rule.stateCode !== undefined && REFUSALS.has(rule.stateCode))
      refuse(
        'afterProcessing',
        `not with stateCode ${rule.stateCode}: the contract makes that code a proof that nothing was processed, so a client may send again`,
      );
    if (rule.probability !== undefined && rule.type === 'rate-limit')
      refuse('probability', 'not for type rate-limit (it answers by rate, not by chance)');
    if (rule.endpoint !== 'submit' && rule.endpoint !== '*') {
      for (const field of ['country', 'channelId', 'phone'] as const) {
        if (rule[field] !== undefined)
          refuse(field, `matches submits only; endpoint ${rule.endpoint} never has it`);
      }
    }
    if (rule.then !== undefined && rule.times === undefined && rule.nth === undefined)
      refuse(
        'then',
        'needs times or nth on this rule: without them it is never used up, so then would never start',
      );
  });

/** Counts the links of a chain, stopping one past the limit (an iterative walk, no recursion). */
function chainLength(value: unknown): number {
  let links = 0;
  let link = value;
  while (typeof link === 'object' && link !== null && links <= MAX_CHAIN_LINKS) {
    links++;
    link = (link as { then?: unknown }).then;
  }
  return links;
}

/**
 * A fault rule. Matchers (all given ones must match): `endpoint`, `account`, and for
 * submits `country`, `channelId`, `phone`. Counting: `nth`, `times`, then `then`.
 * Faults before processing: `latency` (adds delay, combines with others), `state-code`
 * (a business error envelope), `http-status` (a bare HTTP error such as a gateway's 502),
 * `drop` (the connection is closed without an answer), `rate-limit` (`429` beyond
 * `limit` requests per second). Faults after processing — the request took effect, only
 * the answer is damaged: `reset` (connection reset), `truncate` (half the body),
 * `non-json` (an HTML page with status 200).
 */
export const faultRuleSchema: z.ZodType<FaultRule, FaultRuleInput> = z.preprocess(
  (value: FaultRuleInput, context) => {
    if (chainLength(value) > MAX_CHAIN_LINKS) {
      context.addIssue({
        code: 'custom',
        path: ['then'],
        message: `a chain has at most ${MAX_CHAIN_LINKS} links`,
      });
    }
    return value;
  },
  linkSchema,
);
