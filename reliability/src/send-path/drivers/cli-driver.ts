import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@intl-sms/cli';
import type { BulkSummary } from '@intl-sms/core';
import { BookKeeper, type Books } from '../books.js';
import type { Harness } from '../harness.js';
import { ACCOUNTS, type Scenario } from '../scenario.js';
import { bookRun } from './bulk-driver.js';

/** Most runs of one resume chain. */
const MAX_RUNS = 4;

/**
 * `intl-sms send --file` (the CLI's own `main`, in process: a spawn per scenario would
 * cost a second) over a CSV of the drawn recipients, resumed with `--resume` from the
 * summary file of the run before until nothing is left failed.
 */
export async function cliSendFile(h: Harness, scenario: Scenario): Promise<Books> {
  const dir = await mkdtemp(join(tmpdir(), 'intl-sms-property-'));
  const csv = join(dir, 'recipients.csv');
  // Every input quoted: an empty one stays a row (a blank line is no record in CSV).
  const rows = scenario.recipients.map((r) => `"${r.input.replaceAll('"', '""')}"`);
  await writeFile(csv, ['phone', ...rows].join('\n'));
  const final = new BookKeeper(scenario.recipients.length);
  const account = ACCOUNTS[0];
  let previous: { summary: BulkSummary; file: string } | undefined;
  try {
    for (let run = 1; run <= MAX_RUNS; run++) {
      const file = join(dir, `summary-${run}.json`);
      const args = [
        ...['--account', account.account, '--password', account.password],
        ...['--base-url', h.mock.url, '--json'],
        ...['send', '--file', csv, '--text', scenario.text, '--yes', '--summary-file', file],
        ...['--batch-size', String(scenario.bulk.chunkSize)],
        ...['--concurrency', String(scenario.bulk.concurrency)],
        ...(previous ? ['--resume', previous.file] : []),
      ];
      const code = await quietly(() => main(args));
      const summary = JSON.parse(await readFile(file, 'utf8')) as BulkSummary;
      const runBooks = bookRun(summary, previous?.summary, scenario.recipients.length);
      for (const [index, bucket] of runBooks.buckets.entries())
        if (bucket !== undefined) final.buckets[index] = bucket;
      final.problems.push(...runBooks.problems.map((p) => `run ${run} (exit ${code}): ${p}`));
      previous = { summary, file };
      if (summary.failed === 0) break;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return final.books();
}

/** Runs the CLI with its standard output and error silenced. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return await run();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
