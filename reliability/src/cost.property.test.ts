/**
 * What a send cost, proved against the mock's books: over random channel prices (0 to 8
 * decimals), random texts (GSM-7, extension characters, UCS-2, surrogate pairs at segment
 * boundaries, typographic look-alikes with smart encoding on and off) and random
 * recipients over several countries, the cost the client computes equals the mock's
 * balance movement to the last decimal, batch by batch and in total; the oracle is in
 * `cost/cost-oracle.ts`. fast-check shrinks a counterexample and prints its seed and path.
 *
 * The same for `sendBulk` (`cost/bulk-cost-oracle.ts`): each run's `totalCost` equals its
 * balance delta; with a random `maxCost`, the committed cost and the balance movement stay
 * under it, every recipient is in one bucket (`budget` included), no chunk that would cross
 * the cap is submitted, and resumes with a raised cap send each budget recipient once.
 *
 * `COST_RUNS` (default 200; bulk chains: half, or `COST_BULK_RUNS`) and `COST_SEED` (default fixed, so a red build replays;
 * `random` draws one and prints it) steer it; `pnpm cost-soak` runs 20,000 scenarios with a
 * fresh seed.
 */
import { createSjroomTransport, Decimal } from '@intl-sms/core';
import { type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { type MockInspector, mockInspector } from '@intl-sms/mock-server/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkCostViolations } from './cost/bulk-cost-oracle.js';
import { type BulkCostScenario, bulkCostScenarioArbitrary } from './cost/bulk-cost-scenario.js';
import { bulkWithRaises } from './cost/bulk-with-raises.js';
import { costViolations } from './cost/cost-oracle.js';
import {
  COST_ACCOUNT,
  type CostScenario,
  costScenarioArbitrary,
  PRICED_COUNTRIES,
} from './cost/cost-scenario.js';
import { type SendOutcome, sendWithEstimate } from './cost/send-with-estimate.js';
import { recordFigures } from './support/figures.js';

const RUNS = Number(process.env.COST_RUNS ?? 200);
/** Bulk chains: half as many as sends by default (each is several runs). */
const BULK_RUNS = Number(process.env.COST_BULK_RUNS ?? Math.ceil(RUNS / 2));
const SEED =
  process.env.COST_SEED === 'random'
    ? Date.now() % 2_147_483_647
    : Number(process.env.COST_SEED ?? 20_261_222);
/** About 30 ms a scenario here; a generous bound. */
const TIME_LIMIT_MS = Math.max(120_000, RUNS * 300);

let mock: RunningMockServer;
let inspector: MockInspector;
let channelIds: string[];
const tally = {
  scenarios: 0,
  sends: 0,
  batches: 0,
  smartEncoded: 0,
  failedSends: 0,
  bulkChains: 0,
  bulkRuns: 0,
  budgetStops: 0,
};

beforeAll(async () => {
  mock = await startMockServer({ receiptDelay: 0, accounts: [COST_ACCOUNT] });
  inspector = mockInspector(mock);
  channelIds = (await inspector.channels())
    .filter((channel) => PRICED_COUNTRIES.includes(channel.countryCode))
    .map((channel) => channel.id);
  console.log(`cost property: ${RUNS} scenarios, seed ${SEED} (replay: COST_SEED=${SEED})`);
});
afterAll(async () => {
  recordFigures('costProperty', { ...tally, seed: SEED });
  await mock.close();
});

const balance = async () => Decimal.parse((await inspector.account(COST_ACCOUNT.account)).balance);

/** Runs one scenario against a freshly reset mock; returns the oracle's violations. */
async function runScenario(scenario: CostScenario): Promise<string[]> {
  await inspector.reset();
  await inspector.setAccount(COST_ACCOUNT.account, { balance: scenario.balance });
  for (const [id, price] of scenario.prices) await inspector.setChannel(id, { price });
  const before = await balance();
  const sms = createSjroomTransport({ ...COST_ACCOUNT, baseUrl: mock.url });
  const outcomes: SendOutcome[] = [];
  try {
    for (const send of scenario.sends) outcomes.push(await sendWithEstimate(sms, send));
  } finally {
    await sms.close();
  }
  const messages = await inspector.allMessages({ account: COST_ACCOUNT.account });
  const after = await balance();
  tally.scenarios++;
  for (const outcome of outcomes) {
    tally.sends++;
    tally.batches += outcome.result?.batches.length ?? 0;
    if (outcome.result?.smartEncoded) tally.smartEncoded++;
    if (outcome.error !== undefined) tally.failedSends++;
  }
  return costViolations(outcomes, {
    balanceDelta: before.subtract(after),
    messages: new Map(messages.map((m) => [m.batchNo, m])),
  });
}

/** Runs one bulk chain against a freshly reset mock; returns the oracle's violations. */
async function runBulkScenario(scenario: BulkCostScenario): Promise<string[]> {
  await inspector.reset();
  await inspector.setAccount(COST_ACCOUNT.account, { balance: '1000.0000' });
  for (const [id, price] of scenario.prices) await inspector.setChannel(id, { price });
  const sms = createSjroomTransport({ ...COST_ACCOUNT, baseUrl: mock.url });
  try {
    const runs = await bulkWithRaises(sms, inspector, scenario);
    tally.bulkChains++;
    tally.bulkRuns += runs.length;
    tally.budgetStops += runs.filter((run) => run.summary.budgetExceeded).length;
    return bulkCostViolations(scenario, runs);
  } finally {
    await sms.close();
  }
}

describe('what a send cost, as a property', () => {
  it(
    `computed cost equals the mock's balance movement (${RUNS} scenarios, seed ${SEED})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(costScenarioArbitrary(channelIds), async (scenario) => {
          const found = await runScenario(scenario);
          if (found.length > 0) throw new Error(found.join('\n'));
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: false },
      );
      expect(tally.scenarios).toBeGreaterThanOrEqual(RUNS);
      // The space is reached: smart encoding applied, and some sends were refused.
      expect(tally.smartEncoded).toBeGreaterThan(0);
      expect(tally.batches).toBeGreaterThan(RUNS);
    },
    TIME_LIMIT_MS,
  );

  it(
    `sendBulk: totalCost equals the balance delta, maxCost holds and resumes send the rest once (${BULK_RUNS} chains, seed ${SEED})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(bulkCostScenarioArbitrary(channelIds), async (scenario) => {
          const found = await runBulkScenario(scenario);
          if (found.length > 0) throw new Error(found.join('\n'));
        }),
        { seed: SEED, numRuns: BULK_RUNS, endOnFailure: false },
      );
      expect(tally.bulkChains).toBeGreaterThanOrEqual(BULK_RUNS);
      // The space is reached: runs stopped at the cap and were resumed.
      expect(tally.budgetStops).toBeGreaterThan(0);
      expect(tally.bulkRuns).toBeGreaterThan(tally.bulkChains);
    },
    TIME_LIMIT_MS,
  );
});
