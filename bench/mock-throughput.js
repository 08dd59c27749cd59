// Mock server throughput: requests/s and p50/p99 latency of the mock's balance and query
// endpoints vs a bare node:http server returning the same JSON, at 32 and 128 connections.
// The two servers of a comparison run at the same time, on the same core (each gets half
// of it: the scheduler shares a core fairly between two busy processes), each loaded by
// its own autocannon on the other core; their throughputs' ratio is the ratio of their
// costs per request. Measured one after the other, one 3-second run here swings ±20 % with
// the machine's speed; side by side, both see the same swings. A control pairs the bare
// server with a second copy of itself: it should read 1.0×. A third server,
// `parsing-server.js`, does by hand only what any answer to these calls needs (parse the
// body, check the password, serialise the answer): the floor of any mock; the mock is also
// paired with it directly. Each ratio is the median over the rounds.
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

/** The sample whose ratio is the median (its figures go with it). */
function medianSample(samples) {
  return [...samples].sort((a, b) => a.ratio - b.ratio)[Math.floor(samples.length / 2)];
}

/** Runs the benchmark; `seconds` per measurement, `rounds` rounds. */
export async function mockThroughput({ seconds = 3, rounds = 7 } = {}) {
  const bareScript = fileURLToPath(new URL('bare-server.js', import.meta.url));
  const servers = {
    mock: await startBenchMock({ cpu: SERVER_CORE }),
    bare: await spawnServer([bareScript], { cpu: SERVER_CORE }),
    control: await spawnServer([bareScript], { cpu: SERVER_CORE }),
    parsing: await spawnServer([fileURLToPath(new URL('parsing-server.js', import.meta.url))], {
      cpu: SERVER_CORE,
    }),
  };
  const results = [];
  try {
    const submit = await fetch(`${servers.mock.url}/api/open/int/sms/submit`, {
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
    const settings = [];
    for (const [endpoint, body] of Object.entries(endpoints))
      for (const connections of [32, 128])
        settings.push({
          endpoint,
          body,
          connections,
          mock: [],
          parsing: [],
          control: [],
          mockVsFloor: [],
        });
    for (let round = 0; round < rounds; round++) {
      for (const setting of settings) {
        const path = `/api/open/int/sms/${setting.endpoint}`;
        const measure = (which) =>
          load(servers[which].url, path, setting.body, setting.connections, seconds);
        for (const which of ['mock', 'parsing', 'control']) {
          const [bare, other] = await Promise.all([measure('bare'), measure(which)]);
          setting[which].push({ bare, other, ratio: other.rps / bare.rps });
        }
        // The mock against the floor itself: what the mock costs beyond answering at all.
        const [floor, mock] = await Promise.all([measure('parsing'), measure('mock')]);
        setting.mockVsFloor.push({ bare: floor, other: mock, ratio: mock.rps / floor.rps });
      }
    }
    for (const { endpoint, connections, mock, parsing, control, mockVsFloor } of settings) {
      const median = medianSample(mock);
      results.push({
        endpoint,
        connections,
        bare: median.bare,
        mock: { ...median.other, errors: mock.reduce((sum, s) => sum + s.other.errors, 0) },
        ratio: pairRatio(median),
        roundRatios: stats(
          mock.map((s) => s.ratio),
          2,
        ),
        parsingRatio: pairRatio(medianSample(parsing)),
        controlRatio: pairRatio(medianSample(control)),
        mockVsFloorRatio: pairRatio(medianSample(mockVsFloor)),
      });
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
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
          `${r.endpoint} c${r.connections}: ${r.ratio}× (rounds ${r.roundRatios.min}–${r.roundRatios.max}×; a hand-written parsing handler ${r.parsingRatio}×; the mock vs that handler ${r.mockVsFloorRatio}×; bare vs bare ${r.controlRatio}×), p50/p99 ${r.mock.p50}/${r.mock.p99} ms vs ${r.bare.p50}/${r.bare.p99} ms`,
      )
      .join('; '),
  };
}

/** A side-by-side pair's ratio, rounded like every ratio of the benchmarks. */
const pairRatio = (sample) => ratio(sample.other.rps, sample.bare.rps);
