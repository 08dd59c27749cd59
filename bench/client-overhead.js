// Client overhead vs the physical limit: balance round trips per second against a bare
// node:http server in another process, at concurrency 64: SjroomClient.balance() and
// transport.getBalance() vs raw undici Pool.request + JSON.parse, and global fetch for
// context. The contenders run in a process of their own (`client-overhead-child.js`);
// pinned, the server has one core and the client the other (`cpu-pinning.js`). Each round
// measures every contender back to back (the order alternates); a contender's ratio is
// the median of its ratios to raw undici in the same round (on this machine one round
// can read 20 % off the next, for all contenders alike).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { LOAD_CORE, onCore, PINNED, SERVER_CORE } from './cpu-pinning.js';
import { spawnServer } from './spawn-server.js';
import { stats } from './stats.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('client-overhead-child.js', import.meta.url));

/** Runs the benchmark: `rounds` rounds of `requests` calls per contender. */
export async function clientOverhead({ requests = 10_000, rounds = 15 } = {}) {
  const server = await spawnServer([fileURLToPath(new URL('bare-server.js', import.meta.url))], {
    cpu: SERVER_CORE,
  });
  let samples;
  try {
    const [command, args] = onCore(LOAD_CORE, process.execPath, [
      CHILD,
      server.url,
      String(requests),
      String(rounds),
    ]);
    const { stdout } = await run(command, args, { maxBuffer: 1024 * 1024 });
    samples = JSON.parse(stdout.trim().split('\n').at(-1));
  } finally {
    await server.stop();
  }
  const requestsPerSecond = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [name, stats(list, 0)]),
  );
  const roundRatios = (name) =>
    stats(
      samples[name].map((rps, i) => rps / samples.rawUndici[i]),
      2,
    );
  const perRound = {
    client: roundRatios('client'),
    transport: roundRatios('transport'),
    fetch: roundRatios('fetch'),
  };
  const ratios = {
    client: perRound.client.median,
    transport: perRound.transport.median,
    fetch: perRound.fetch.median,
  };
  const base = requestsPerSecond.rawUndici.median;
  return {
    name: 'client overhead (balance req/s, concurrency 64)',
    pinned: PINNED,
    requestsPerSecond,
    roundRatios: perRound,
    ratios,
    bar: 'client and transport ≥ 0.95× raw undici',
    met: ratios.client >= 0.95 && ratios.transport >= 0.95,
    summary: `raw undici ${base}/s; SjroomClient ${requestsPerSecond.client.median}/s (${ratios.client}×, rounds ${perRound.client.min}–${perRound.client.max}×); transport ${requestsPerSecond.transport.median}/s (${ratios.transport}×, rounds ${perRound.transport.min}–${perRound.transport.max}×); global fetch ${requestsPerSecond.fetch.median}/s (${ratios.fetch}×)`,
  };
}
