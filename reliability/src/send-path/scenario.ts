import type { FaultRuleInput } from '@intl-sms/mock-server';
import fc from 'fast-check';
import { faultScheduleArbitrary } from './fault-schedule.js';
import { type DrawnRecipient, recipientsArbitrary, TEXTS } from './recipients.js';

/** The mock accounts scenarios send from; failover and notifme use one each per transport. */
export const ACCOUNTS = [
  { account: 'acct-a', password: 'pw-a' },
  { account: 'acct-b', password: 'pw-b' },
  { account: 'acct-c', password: 'pw-c' },
] as const;

/** Balances: plenty, or so little that some submits are refused with 402. */
const balance = fc.constantFrom('1000.0000', '1000.0000', '1000.0000', '0.0300');

/** The ways into the send path that the property covers, with how often each is drawn. */
export const ENTRY_WEIGHTS = {
  send: 15,
  bulk: 15,
  failover: 10,
  nodemailer: 5,
  notifme: 5,
  medusa: 5,
  novu: 5,
  cli: 2,
  queue: 1,
} as const;
/** Every entry point of {@link ENTRY_WEIGHTS}. */
export const ENTRY_POINTS = Object.keys(ENTRY_WEIGHTS) as (keyof typeof ENTRY_WEIGHTS)[];
/** One of {@link ENTRY_POINTS}. */
export type EntryPoint = (typeof ENTRY_POINTS)[number];

/** Application code that throws where the SDK calls it. */
export interface ThrowingHooks {
  readonly onResponse: boolean;
  readonly onError: boolean;
  readonly logger: boolean;
}

/** Options of a bulk run: sizes, and the interruptions of its first run. */
export interface BulkScenario {
  readonly chunkSize: number;
  readonly concurrency: number;
  /** The source throws when asked for this row (first run only). */
  readonly sourceThrowsAt: number | undefined;
  /** The run aborts at this progress callback (first run only). */
  readonly abortAtProgress: number | undefined;
  /** `onBatch` throws on this batch (first run only). */
  readonly onBatchThrowsAt: number | undefined;
  /** `onProgress` throws on its first call (first run only). */
  readonly onProgressThrows: boolean;
}

/** One drawn scenario: who is sent what, through which entry point, with which faults. */
export interface Scenario {
  readonly entry: EntryPoint;
  readonly recipients: readonly DrawnRecipient[];
  readonly text: string;
  readonly faults: readonly FaultRuleInput[];
  readonly balances: readonly string[];
  readonly hooks: ThrowingHooks;
  readonly onInvalid: 'skip' | 'reject';
  /** False: the caller asked to send repeats. */
  readonly dedupe: boolean;
  /** Abort a single send after this many ms. */
  readonly abortAfterMs: number | undefined;
  readonly bulk: BulkScenario;
  readonly transports: number;
  readonly strategy: 'priority' | 'round-robin';
  readonly failOverOnProviderError: boolean;
}

const rarely = fc.constantFrom(false, false, false, false, true);

/** A value in one scenario out of `oneIn`, else undefined. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number) =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** The accounts an entry point sends from (fault rules may target each). */
function accountsOf(entry: EntryPoint): string[] {
  const used = entry === 'failover' ? ACCOUNTS : ACCOUNTS.slice(0, entry === 'notifme' ? 2 : 1);
  return used.map((a) => a.account);
}

/** Draws a scenario for one of `entries`. */
export function scenarioArbitrary(entries: readonly EntryPoint[]): fc.Arbitrary<Scenario> {
  const entry = fc.oneof(
    ...entries.map((e) => ({ weight: ENTRY_WEIGHTS[e], arbitrary: fc.constant(e) })),
  );
  return entry.chain((entry) =>
    recipientsArbitrary(entry === 'bulk').chain((recipients) =>
      fc.record({
        entry: fc.constant(entry),
        recipients: fc.constant(recipients),
        text: fc.constantFrom(...TEXTS),
        faults: faultScheduleArbitrary(recipients, accountsOf(entry)),
        balances: fc.tuple(balance, balance, balance),
        hooks: fc.record({
          onResponse: rarely,
          onError: rarely,
          logger: rarely,
        }),
        onInvalid: fc.constantFrom<'skip' | 'reject'>('skip', 'skip', 'reject'),
        dedupe: fc.constantFrom(true, true, true, true, false),
        abortAfterMs: sometimes(fc.integer({ min: 0, max: 30 }), 8),
        bulk: fc.record({
          chunkSize: fc.integer({ min: 1, max: 5 }),
          concurrency: fc.integer({ min: 1, max: 3 }),
          sourceThrowsAt: sometimes(fc.nat(12), 5),
          abortAtProgress: sometimes(fc.integer({ min: 1, max: 4 }), 6),
          onBatchThrowsAt: sometimes(fc.integer({ min: 1, max: 3 }), 6),
          onProgressThrows: rarely,
        }),
        transports: fc.integer({ min: 2, max: 3 }),
        strategy: fc.constantFrom<'priority' | 'round-robin'>('priority', 'round-robin'),
        failOverOnProviderError: fc.constantFrom(false, false, false, true),
      }),
    ),
  );
}
