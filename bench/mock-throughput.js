// Mock server throughput: requests/s and p50/p99 latency of the mock's balance and
// query endpoints vs a bare node:http server returning the same JSON, measured by
// autocannon in a separate process, at 32 and 128 connections, interleaved.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BENCH_ACCOUNT, startBenchMock } from './mock-bin.js';
import { spawnServer } from './spawn-server.js';
import { ratio } from './stats.js';

const run = promisify(execFile);
const AUTOCANNON = fileURLToPath(new URL('node_modules/.bin/autocannon', import.meta.url));
const CREDENTIALS = BENCH_ACCOUNT;

async function load(url, path, body, connections, seconds) {
  const { stdout } = await run(
    AUTOCANNON,
    [
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
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** Runs the benchmark; `seconds` per measurement. */
export async function mockThroughput({ seconds = 5 } = {}) {
  const mock = await startBenchMock();
  const bare = await spawnServer([fileURLToPath(new URL('bare-server.js', import.meta.url))]);
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
    for (const [endpoint, body] of Object.entries(endpoints)) {
      for (const connections of [32, 128]) {
        const path = `/api/open/int/sms/${endpoint}`;
        const baseline = await load(bare.url, path, body, connections, seconds);
        const ours = await load(mock.url, path, body, connections, seconds);
        results.push({
          endpoint,
          connections,
          bare: baseline,
          mock: ours,
          ratio: ratio(ours.rps, baseline.rps),
        });
      }
    }
  } finally {
    await Promise.all([mock.stop(), bare.stop()]);
  }
  return {
    name: 'mock throughput (autocannon, separate process)',
    results,
    bar: 'mock ≥ 0.8× bare node:http',
    met: results.every((r) => r.ratio >= 0.8 && r.mock.errors === 0),
    summary: results
      .map(
        (r) =>
          `${r.endpoint} c${r.connections}: ${r.mock.rps}/s vs ${r.bare.rps}/s (${r.ratio}×), p50/p99 ${r.mock.p50}/${r.mock.p99} ms vs ${r.bare.p50}/${r.bare.p99} ms`,
      )
      .join('; '),
  };
}
