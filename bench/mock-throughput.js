// Mock server throughput: requests/s and p50/p99 latency of the mock's balance and
// query endpoints vs a bare node:http server returning the same JSON, measured by
// autocannon in a separate process, at 32 and 128 connections, interleaved: each round
// measures every pair back to back (which goes first alternates), and the figure of a
// pair is the median over the rounds (one 5-second run swings ±20 % here). A third
// server, `parsing-server.js`, does by hand only what any answer to these calls needs
// (parse the body, check the password, serialise the answer): the floor of any mock.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { LOAD_CORE, onCore, PINNED, SERVER_CORE } from './cpu-pinning.js';
import { BENCH_ACCOUNT, startBenchMock } from './mock-bin.js';
import { spawnServer } from './spawn-server.js';
import { ratio, stats } from './stats.js';

const run = promisify(execFile);
const AUTOCANNON = fileURLToPath(new URL('node_modules/.bin/autocannon', import.meta.url));
const CREDENTIALS = BENCH_ACCOUNT;

async function load(url, path, body, connections, seconds) {
  const [command, args] = onCore(LOAD_CORE, AUTOCANNON, [
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-b',
    body,
    '-j',
    `${url}${path}`,
  ]);
  const { stdout } = await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** The run whose requests/s is the median of `runs` (its latencies go with it). */
function medianRun(runs) {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
}

/** Runs the benchmark; `seconds` per measurement, `rounds` interleaved rounds. */
export async function mockThroughput({ seconds = 3, rounds = 5 } = {}) {
  const mock = await startBenchMock({ cpu: SERVER_CORE });
  const bare = await spawnServer([fileURLToPath(new URL('bare-server.js', import.meta.url))], {
    cpu: SERVER_CORE,
  });
  const parsing = await spawnServer(
    [fileURLToPath(new URL('parsing-server.js', import.meta.url))],
    { cpu: SERVER_CORE },
  );
  const results = [];
  try {
    const submit = await fetch(`${mock.url}/api/open/int/sms/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...CREDENTIALS,
        goodsSupplySmsConfigId: 10001,
        phone: '639171234565',
        sendContent: 'x',
      }),
    });
    const batchNo = (await submit.json()).data;
    const endpoints = {
      balance: JSON.stringify(CREDENTIALS),
      query: JSON.stringify({ ...CREDENTIALS, batchNo }),
    };
    const pairs = [];
    for (const [endpoint, body] of Object.entries(endpoints))
      for (const connections of [32, 128])
        pairs.push({ endpoint, body, connections, bare: [], mock: [], parsing: [] });
    for (let round = 0; round < rounds; round++) {
      for (const pair of pairs) {
        const path = `/api/open/int/sms/${pair.endpoint}`;
        const measure = {
          bare: () => load(bare.url, path, pair.body, pair.connections, seconds),
          mock: () => load(mock.url, path, pair.body, pair.connections, seconds),
          parsing: () => load(parsing.url, path, pair.body, pair.connections, seconds),
        };
        const order = round % 2 === 0 ? ['bare', 'parsing', 'mock'] : ['mock', 'parsing', 'bare'];
        for (const which of order) pair[which].push(await measure[which]());
      }
    }
    for (const {
      endpoint,
      connections,
      bare: bareRuns,
      mock: mockRuns,
      parsing: floorRuns,
    } of pairs) {
      const baseline = medianRun(bareRuns);
      const ours = medianRun(mockRuns);
      const floor = medianRun(floorRuns);
      results.push({
        endpoint,
        connections,
        bare: baseline,
        mock: { ...ours, errors: mockRuns.reduce((sum, run) => sum + run.errors, 0) },
        ratio: ratio(ours.rps, baseline.rps),
        parsing: floor,
        parsingRatio: ratio(floor.rps, baseline.rps),
        roundRatios: stats(
          mockRuns.map((run, i) => run.rps / (bareRuns[i]?.rps ?? Number.NaN)),
          2,
        ),
      });
    }
  } finally {
    await Promise.all([mock.stop(), bare.stop(), parsing.stop()]);
  }
  return {
    name: 'mock throughput (autocannon, separate process)',
    pinned: PINNED,
    results,
    bar: 'mock ≥ 0.8× bare node:http',
    met: results.every((r) => r.ratio >= 0.8 && r.mock.errors === 0),
    summary: results
      .map(
        (r) =>
          `${r.endpoint} c${r.connections}: ${r.mock.rps}/s vs ${r.bare.rps}/s (${r.ratio}×; a hand-written parsing handler ${r.parsingRatio}×), p50/p99 ${r.mock.p50}/${r.mock.p99} ms vs ${r.bare.p50}/${r.bare.p99} ms`,
      )
      .join('; '),
  };
}
