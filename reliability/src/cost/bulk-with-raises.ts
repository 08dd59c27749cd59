import { type BulkSummary, Decimal, type SjroomTransport, sendBulk } from '@intl-sms/core';
import type { MessageView, MockInspector } from '@intl-sms/mock-server/testing';
import type { BulkCostScenario } from './bulk-cost-scenario.js';
import { COST_ACCOUNT } from './cost-scenario.js';
import { recordingTransport, type TransportCall } from './recording-transport.js';

/** A cap that holds every scenario's whole cost: the last resume's. */
export const HOLDS_ALL = '1000000';
/** Most runs of one chain (the first, its raises, the last). */
const MAX_RUNS = 5;

/** One run of a chain, with what the mock saw during it. */
export interface BulkRun {
  /** This run's `maxCost` (cumulative over the chain, as the token carries it). */
  readonly cap: string | undefined;
  readonly summary: BulkSummary;
  readonly calls: readonly TransportCall[];
  /** Balance before − after this run. */
  readonly delta: Decimal;
  /** What the runs before this one cost, by the mock's balance. */
  readonly spentBefore: Decimal;
  /** Messages the mock stored during this run, by batch number. */
  readonly messages: ReadonlyMap<string, MessageView>;
}

/**
 * `sendBulk` of the drawn recipients with the drawn cap; while it stops at the cap, resumed
 * from its summary with the cap raised by each drawn raise, then once with a cap that holds
 * everything. Each run goes through a transport that records its estimates and submits.
 */
export async function bulkWithRaises(
  sms: SjroomTransport,
  inspector: MockInspector,
  scenario: BulkCostScenario,
): Promise<BulkRun[]> {
  const balance = async () =>
    Decimal.parse((await inspector.account(COST_ACCOUNT.account)).balance);
  const runs: BulkRun[] = [];
  const start = await balance();
  const known = new Set<string>();
  let cap = scenario.maxCost;
  let resumeFrom: BulkSummary | undefined;
  for (let run = 0; run < MAX_RUNS; run++) {
    if (run > 0) {
      const raise = scenario.raises[run - 1];
      cap =
        raise === undefined
          ? HOLDS_ALL
          : Decimal.parse(cap ?? '0')
              .add(Decimal.parse(raise))
              .toString();
    }
    const before = await balance();
    const calls: TransportCall[] = [];
    const summary = await sendBulk(
      recordingTransport(sms, calls),
      scenario.recipients.map((r) => r.input),
      {
        text: scenario.text.text,
        chunkSize: scenario.chunkSize,
        concurrency: scenario.concurrency,
        smartEncoding: scenario.smartEncoding,
        ...(cap === undefined ? {} : { maxCost: cap }),
        ...(resumeFrom ? { resumeFrom } : {}),
      },
    );
    const after = await balance();
    const messages = new Map<string, MessageView>();
    for (const message of await inspector.allMessages({ account: COST_ACCOUNT.account }))
      if (!known.has(message.batchNo)) {
        known.add(message.batchNo);
        messages.set(message.batchNo, message);
      }
    runs.push({
      cap,
      summary,
      calls,
      delta: before.subtract(after),
      spentBefore: start.subtract(before),
      messages,
    });
    resumeFrom = summary;
    if (!summary.budgetExceeded || cap === HOLDS_ALL) break;
  }
  return runs;
}
