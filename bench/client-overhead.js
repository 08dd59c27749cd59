// Client overhead vs the physical limit: balance round trips per second against a bare
// node:http server in another process, at concurrency 64: SjroomClient.balance() and
// transport.getBalance() vs raw undici Pool.request + JSON.parse, and global fetch for
// context. Interleaved rounds; the ratio is of medians.
import { fileURLToPath } from 'node:url';
import { createSjroomTransport, SjroomClient } from '@intl-sms/core';
import { Pool } from 'undici';
import { spawnServer } from './spawn-server.js';
import { ratio, stats } from './stats.js';

const CONCURRENCY = 64;
const BODY = JSON.stringify({ account: 'bench', password: 'bench-password' });

async function throughput(requests, call) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < requests) await call();
    }),
  );
  return requests / ((performance.now() - started) / 1000);
}

/** Runs the benchmark. */
export async function clientOverhead({ requests = 20_000, rounds = 5 } = {}) {
  const server = await spawnServer([fileURLToPath(new URL('bare-server.js', import.meta.url))]);
  const origin = server.url;
  const pool = new Pool(origin, { connections: CONCURRENCY });
  const client = new SjroomClient({
    account: 'bench',
    password: 'bench-password',
    baseUrl: origin,
  });
  const transport = createSjroomTransport({
    account: 'bench',
    password: 'bench-password',
    baseUrl: origin,
  });
  const contenders = {
    rawUndici: async () => {
      const { body } = await pool.request({
        path: '/api/open/int/sms/balance',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: BODY,
      });
      JSON.parse(await body.text());
    },
    client: () => client.balance(),
    transport: () => transport.getBalance(),
    fetch: async () => {
      const response = await fetch(`${origin}/api/open/int/sms/balance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: BODY,
      });
      await response.json();
    },
  };
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  try {
    for (const call of Object.values(contenders)) await throughput(Math.min(2_000, requests), call); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const [name, call] of Object.entries(contenders))
        samples[name].push(await throughput(requests, call));
    }
  } finally {
    await Promise.all([pool.close(), client.close(), transport.close()]);
    await server.stop();
  }
  const result = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [name, stats(list, 0)]),
  );
  const base = result.rawUndici.median;
  const ratios = {
    client: ratio(result.client.median, base),
    transport: ratio(result.transport.median, base),
    fetch: ratio(result.fetch.median, base),
  };
  return {
    name: `client overhead (balance req/s, concurrency ${CONCURRENCY})`,
    requestsPerSecond: result,
    ratios,
    bar: 'client and transport ≥ 0.95× raw undici',
    met: ratios.client >= 0.95 && ratios.transport >= 0.95,
    summary: `raw undici ${base}/s; SjroomClient ${result.client.median}/s (${ratios.client}×); transport ${result.transport.median}/s (${ratios.transport}×); global fetch ${result.fetch.median}/s (${ratios.fetch}×)`,
  };
}
