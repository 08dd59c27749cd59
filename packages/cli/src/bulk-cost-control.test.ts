import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal, smartEncode } from '@intl-sms/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testPhone, writeCsvFile } from './test-support/csv-fixture.js';
import { cliEnv } from './test-support/run-cli.js';

let env: Awaited<ReturnType<typeof cliEnv>>;
let dir: string;
beforeAll(async () => {
  env = await cliEnv();
  dir = await mkdtemp(join(tmpdir(), 'intl-sms-cost-'));
});
afterAll(async () => {
  await env.mock.close();
});
afterEach(async () => {
  await env.inject('POST', '/__mock/reset');
});

/** 140 characters with curly quotes and an em dash: UCS-2 as written, one GSM-7 segment smart encoded. */
const TEXT =
  'Your order “A-1024” is ready — pick it up at the counter today before 6pm. Show this message and your ID; thanks for shopping with us!!'.padEnd(
    140,
    '.',
  );
const ROWS = 10;
const balance = async () => Decimal.parse((await env.inspector.account('demo')).balance);
const csv = (name: string) => writeCsvFile(join(dir, name), 'phone', ROWS, (i) => testPhone(i));
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
/** What one row costs (the text to one number), from the estimate: the test follows the mock's prices. */
async function chunkCost(smart: boolean): Promise<Decimal> {
  const args = ['estimate', '--to', testPhone(0), '--text', TEXT, '--json'];
  const report = JSON.parse((await env.run(smart ? [...args, '--smart-encoding'] : args)).stdout);
  return Decimal.parse(report.totalCost);
}

describe('send --file: --smart-encoding, --max-cost, and what the run cost', () => {
  it('smart encodes every batch: one GSM-7 segment each; the printed cost is the balance moved', async () => {
    const file = await csv('smart.csv');
    const before = await balance();
    const run = await env.run([
      'send',
      '--file',
      file,
      '--text',
      TEXT,
      '--smart-encoding',
      '--yes',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const messages = await env.inspector.allMessages();
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages)
      expect(m).toMatchObject({ encoding: 'GSM-7', segments: 1, text: smartEncode(TEXT).text });
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ submitted: ROWS, budget: 0, budgetExceeded: false });
    expect(before.subtract(await balance()).compare(Decimal.parse(summary.totalCost))).toBe(0);
  });

  it('stops at --max-cost: no batch crosses it, the rest is booked budget, the summary file says so, and --resume with a higher cap sends the rest once', async () => {
    const file = await csv('capped.csv');
    const summaryFile = join(dir, 'capped.json');
    const one = await chunkCost(false);
    // Room for three one-number batches and a half.
    const cap = one.multiply(Decimal.parse('3.5'));
    const capText = cap.toString();
    const before = await balance();
    const base = [
      'send',
      '--file',
      file,
      '--text',
      TEXT,
      '--batch-size',
      '1',
      '--concurrency',
      '1',
    ];
    const run = await env.run([
      ...base,
      '--max-cost',
      capText,
      '--summary-file',
      summaryFile,
      '--yes',
    ]);
    expect(run.code).toBe(3);
    const sent = await env.inspector.allMessages();
    expect(sent).toHaveLength(3);
    expect(sent.every((m) => m.encoding === 'UCS-2')).toBe(true);
    const spent = before.subtract(await balance());
    expect(spent.compare(cap)).toBeLessThanOrEqual(0);
    const printed = /^total cost (\S+) \(--max-cost /m.exec(run.stdout)?.[1] ?? '';
    expect(spent.compare(Decimal.parse(printed))).toBe(0);
    expect(run.stdout).toContain(
      `stopped at --max-cost ${capText}: ${ROWS - 3} recipient(s) left unsent`,
    );
    expect(run.stdout).toContain(`--resume ${summaryFile} --max-cost <higher>`);
    const saved = await readJson(summaryFile);
    expect(saved).toMatchObject({
      submitted: 3,
      budget: ROWS - 3,
      budgetExceeded: true,
      maxCost: capText,
      resume: `--resume ${summaryFile}`,
    });
    expect(Decimal.parse(saved.totalCost).compare(spent)).toBe(0);
    expect(saved.budgetRecipients).toHaveLength(ROWS - 3);
    expect(saved.batchList.every((b: { cost?: string }) => typeof b.cost === 'string')).toBe(true);

    // The same cap again: nothing more fits (the token carries what was committed).
    const same = await env.run([
      ...base,
      '--max-cost',
      capText,
      '--resume',
      summaryFile,
      '--summary-file',
      summaryFile,
      '--yes',
    ]);
    expect(same.code).toBe(2);
    expect(await env.inspector.allMessages()).toHaveLength(3);

    const rest = await env.run([
      ...base,
      '--max-cost',
      '100',
      '--resume',
      summaryFile,
      '--summary-file',
      summaryFile,
      '--yes',
      '--json',
    ]);
    expect(rest.code).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({ submitted: ROWS - 3, skipped: 3, budget: 0 });
    const counts = await env.sentPerNumber();
    expect(counts.size).toBe(ROWS);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const total = before.subtract(await balance());
    expect(total.compare(spent.add(Decimal.parse(JSON.parse(rest.stdout).totalCost)))).toBe(0);
  });

  it('--max-cost below the first batch: nothing sent, balance unchanged, exit 2', async () => {
    const file = await csv('tiny.csv');
    const before = await balance();
    const run = await env.run(
      ['send', '--file', file, '--text', TEXT, '--max-cost', '0.0001', '--yes', '--json'],
      {},
      dir,
    );
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ submitted: 0, budget: ROWS, budgetExceeded: true, totalCost: '0' });
    // No --summary-file: the summary is saved in the working directory, for a resume.
    expect(out.summaryFile).toMatch(/^intl-sms-summary-.*\.json$/);
    expect(await readJson(join(dir, out.summaryFile))).toMatchObject({ budget: ROWS });
    expect(await env.inspector.allMessages()).toEqual([]);
    expect((await balance()).compare(before)).toBe(0);
  });

  it('a dry run names the cap and what smart encoding would save', async () => {
    const file = await csv('dry.csv');
    const run = await env.run([
      'send',
      '--file',
      file,
      '--text',
      TEXT,
      '--max-cost',
      '0.01',
      '--dry-run',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'over --max-cost 0.01: the run will stop before the first batch that would cross it',
    );
    const smart = (await chunkCost(true)).multiply(ROWS);
    expect(run.stdout).toContain(`with smart encoding (--smart-encoding) you would pay ${smart}`);
    const json = JSON.parse(
      (
        await env.run([
          'send',
          '--file',
          file,
          '--text',
          TEXT,
          '--max-cost',
          '1000',
          '--dry-run',
          '--json',
        ])
      ).stdout,
    );
    expect(json).toMatchObject({ maxCost: '1000', withinMaxCost: true });
    expect(await env.inspector.allMessages()).toEqual([]);
  });

  it('refuses a bad --max-cost with --file as a usage error, before anything is sent', async () => {
    const file = await csv('bad.csv');
    const run = await env.run([
      'send',
      '--file',
      file,
      '--text',
      'hi',
      '--max-cost',
      '12,50',
      '--yes',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--max-cost');
    expect(await env.inspector.allMessages()).toEqual([]);
  });
});
