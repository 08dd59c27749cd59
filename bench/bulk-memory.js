// Bulk send memory: sendBulk of 100k and 1M generated recipients against the mock server
// in its own process (receipts immediate), measuring the sender's peak RSS with no forced
// collection. Baseline: the peak RSS of the same child sending 10k, so the figure shows
// growth, not Node's floor.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startBenchMock } from './mock-bin.js';

const CHILD = fileURLToPath(new URL('bulk-memory-child.js', import.meta.url));

/**
 * Runs `sendBulk` of `count` recipients in its own process and resolves with its JSON
 * report (peak RSS, live heap, recipients/s). `exposeGc` lets it sample the live heap
 * after forced collections (a memory figure); leave it off for a pure throughput figure.
 */
export function runBulkChild(url, count, { exposeGc = true } = {}) {
  const flags = exposeGc ? ['--expose-gc'] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, CHILD, url, String(count)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bulk child exited ${code}`)),
    );
  });
}

/**
 * Peak RSS from a run as an application runs (no forced collection: what V8 keeps of
 * its garbage counts, as it does for a user); the live heap from a second run that
 * forces a collection now and then (a figure of what is retained, not of the peak).
 */
async function measure(url, count) {
  const run = await runBulkChild(url, count, { exposeGc: false });
  const { liveHeapMb } = await runBulkChild(url, count, { exposeGc: true });
  return { ...run, liveHeapMb };
}

/** Runs the benchmark; `counts` are the recipient counts measured after the 10k baseline. */
export async function bulkMemory({ counts = [100_000, 1_000_000] } = {}) {
  const mock = await startBenchMock();
  try {
    const baseline = await measure(mock.url, 10_000);
    const runs = [];
    for (const count of counts) runs.push(await measure(mock.url, count));
    const largest = runs.at(-1);
    return {
      name: `sendBulk memory (${counts.map((c) => c.toLocaleString('en')).join(', ')} recipients)`,
      unit: 'MB peak RSS',
      baseline,
      runs,
      ratio: Math.round((largest.peakRssMb / baseline.peakRssMb) * 100) / 100,
      bar: '< 200 MB peak RSS, flat as the count grows',
      met: runs.every((run) => run.peakRssMb < 200 && run.unaccounted === 0),
      summary: `peak RSS, no forced GC (live heap after a forced GC, another run): 10k ${baseline.peakRssMb} MB (${baseline.liveHeapMb} MB); ${runs
        .map(
          (r) =>
            `${r.count.toLocaleString('en')} ${r.peakRssMb} MB (${r.liveHeapMb} MB) at ${r.recipientsPerSecond.toLocaleString('en')}/s`,
        )
        .join('; ')}`,
    };
  } finally {
    await mock.stop();
  }
}
