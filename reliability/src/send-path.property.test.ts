/**
 * Never twice, never lost — the whole send path as one property. Each scenario draws
 * recipients (valid, invalid, repeats in other spellings, 1–5 countries, per-recipient
 * texts), sizes, a scripted fault schedule on the mock, throwing hooks and callbacks, a
 * throwing source, an abort, and an entry point; runs it against the real mock server;
 * and checks the oracle in `send-path/oracle.ts` against the mock's own records. fast-check
 * shrinks any counterexample to a minimal scenario and prints its seed and path.
 *
 * `SEND_PATH_RUNS` (default 2,000) and `SEND_PATH_SEED` (default: a fixed seed in CI, so
 * a red build replays; `random` draws one and prints it) steer it; `pnpm soak` runs
 * 100,000 scenarios with a fresh seed. `SEND_PATH_ENTRIES=queue,cli` draws only those
 * entry points, `SEND_PATH_TRACE=1` prints each scenario's time.
 */
import { type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedis } from '../../packages/queue/src/test-support/redis-server.js';
import { bulkWithResumes } from './send-path/drivers/bulk-driver.js';
import { cliSendFile } from './send-path/drivers/cli-driver.js';
import { failoverSend } from './send-path/drivers/failover-driver.js';
import { nodemailerSend } from './send-path/drivers/nodemailer-driver.js';
import { notifmeSend } from './send-path/drivers/notifme-driver.js';
import { queueCampaign } from './send-path/drivers/queue-driver.js';
import { medusaSend, novuSend } from './send-path/drivers/retrying-app-driver.js';
import { sendOnce } from './send-path/drivers/send-driver.js';
import { type Harness, harness } from './send-path/harness.js';
import { readBalances, readMockRecords, waitUntilSettled } from './send-path/mock-records.js';
import { violations } from './send-path/oracle.js';
import { ACCOUNTS, ENTRY_POINTS, type Scenario, scenarioArbitrary } from './send-path/scenario.js';
import { recordFigures } from './support/figures.js';

const RUNS = Number(process.env.SEND_PATH_RUNS ?? 2_000);
const SEED =
  process.env.SEND_PATH_SEED === 'random'
    ? Date.now() % 2_147_483_647
    : Number(process.env.SEND_PATH_SEED ?? 20_261_202);
/** About 40 ms a scenario on these machines; a generous bound, never below ten minutes. */
const TIME_LIMIT_MS = Math.max(600_000, RUNS * 200);
const ACCOUNT_NAMES = ACCOUNTS.map((a) => a.account);
/** `SEND_PATH_ENTRIES=queue,cli` draws only those entry points (to chase one). */
const ENTRIES = process.env.SEND_PATH_ENTRIES
  ? (process.env.SEND_PATH_ENTRIES.split(',') as typeof ENTRY_POINTS)
  : ENTRY_POINTS;

let mock: RunningMockServer;
let h: Harness;
let redis: { url: string; close(): Promise<void> };
const tally = { scenarios: 0, byEntry: {} as Record<string, number>, faults: 0 };

beforeAll(async () => {
  redis = await testRedis();
  mock = await startMockServer({
    receiptDelay: 0,
    limits: { maxBatches: 100_000 },
    accounts: ACCOUNTS.map((a) => ({ ...a, balance: '1000.0000' })),
  });
  h = harness(mock);
  console.log(
    `send-path property: ${RUNS} scenarios, seed ${SEED} (replay: SEND_PATH_SEED=${SEED})`,
  );
});
afterAll(async () => {
  recordFigures('sendPathProperty', {
    scenarios: tally.scenarios,
    seed: SEED,
    faultRules: tally.faults,
    ...Object.fromEntries(Object.entries(tally.byEntry).map(([k, v]) => [`entry:${k}`, v])),
  });
  await mock.close();
  await redis.close();
});

async function control(method: 'POST' | 'PUT', url: string, payload?: unknown) {
  const response = await mock.app.inject({
    method,
    url,
    headers: { 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (response.statusCode !== 200) throw new Error(`${method} ${url}: ${response.body}`);
}

function drive(scenario: Scenario) {
  switch (scenario.entry) {
    case 'send':
      return sendOnce(h.transport(0, scenario.hooks), scenario);
    case 'bulk':
      return bulkWithResumes(h.transport(0, scenario.hooks), scenario);
    case 'failover':
      return failoverSend(h, scenario);
    case 'nodemailer':
      return nodemailerSend(h.transport(0, scenario.hooks), scenario);
    case 'notifme':
      return notifmeSend(h, scenario);
    case 'medusa':
      return medusaSend(h, scenario);
    case 'novu':
      return novuSend(h, scenario);
    case 'cli':
      return cliSendFile(h, scenario);
    case 'queue':
      return queueCampaign(h, scenario, redis.url);
  }
}

/** Runs one scenario against a freshly reset mock and returns the oracle's violations. */
async function runScenario(scenario: Scenario): Promise<string[]> {
  await waitUntilSettled(mock);
  await control('POST', '/__mock/reset');
  for (const [n, balance] of scenario.balances.entries())
    await control('PUT', `/__mock/accounts/${ACCOUNT_NAMES[n]}`, { balance });
  await control('PUT', '/__mock/faults', scenario.faults);
  const before = await readBalances(mock, ACCOUNT_NAMES);
  const books = await drive(scenario);
  // A call the client gave up on is still processed by the mock when its delay ends.
  await waitUntilSettled(mock);
  const records = await readMockRecords(mock);
  const after = await readBalances(mock, ACCOUNT_NAMES);
  tally.scenarios++;
  tally.faults += scenario.faults.length;
  tally.byEntry[scenario.entry] = (tally.byEntry[scenario.entry] ?? 0) + 1;
  return violations(scenario, books, records, { before, after });
}

describe('the send path, as a property', () => {
  it(
    `sends no message twice and books every recipient once (${RUNS} scenarios, seed ${SEED})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArbitrary(ENTRIES), async (scenario) => {
          const started = performance.now();
          const found = await runScenario(scenario);
          if (process.env.SEND_PATH_TRACE)
            console.log(scenario.entry, Math.round(performance.now() - started), 'ms');
          if (found.length > 0) throw new Error(found.join('\n'));
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: false, interruptAfterTimeLimit: undefined },
      );
      expect(tally.scenarios).toBeGreaterThanOrEqual(RUNS);
    },
    TIME_LIMIT_MS,
  );
});
