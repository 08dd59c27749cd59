import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from '@intl-sms/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testPhone, writeCsvFile } from './test-support/csv-fixture.js';
import { cliEnv } from './test-support/run-cli.js';

let env: Awaited<ReturnType<typeof cliEnv>>;
let dir: string;
beforeAll(async () => {
  env = await cliEnv();
  dir = await mkdtemp(join(tmpdir(), 'intl-sms-resume-'));
});
afterAll(async () => {
  await env.mock.close();
});
afterEach(async () => {
  await env.inject('POST', '/__mock/reset');
});

const phone = testPhone;
const wire = (i: number) => phone(i).slice(1);

/** Writes a CSV of `rows` recipients; `line(i)` may replace row i's line. */
function writeCsv(name: string, rows: number, line?: (i: number) => string | undefined) {
  return writeCsvFile(
    join(dir, name),
    'name,mobile',
    rows,
    (i) => line?.(i) ?? `user ${i},${phone(i)}`,
  );
}

const json = (stdout: string) => JSON.parse(stdout);

describe('intl-sms send --file: a malformed row, fixed and resumed', () => {
  it('stops at the bad row (exit 65, naming file, line and reason), then resumes: every number exactly once', async () => {
    // Row 30 (line 31) has a field too many; batches of 5 go out before the parser meets it.
    const file = await writeCsv('campaign.csv', 40, (i) =>
      i === 29 ? `user 29,${phone(29)},extra` : undefined,
    );
    const summaryFile = join(dir, 'campaign.json');
    const args = ['send', '--file', file, '--column', 'mobile', '--text', 'Sale today', '--yes'];
    const first = await env.run([
      ...args,
      '--batch-size',
      '5',
      '--summary-file',
      summaryFile,
      '--json',
    ]);
    expect(first.code).toBe(65);
    expect(first.stderr).toContain(`${file} line 31 (row 30): Invalid Record Length`);
    const stopped = json(first.stdout);
    expect(stopped).toMatchObject({
      interrupted: true,
      interruption: 'source-error',
      read: 29,
      error: { code: 'CSV_INVALID', exitCode: 65, file, line: 31, row: 30 },
      summaryFile,
      resume: `--resume ${summaryFile}`,
      source: { file, column: 'mobile', rows: 29 },
    });
    // The rows that had not filled a batch yet were never submitted: failed, safe to resend.
    expect(stopped.submitted).toBe(25);
    expect(stopped.failedRecipients.map((f: { code: string }) => f.code)).toEqual(
      Array(4).fill('INTERRUPTED'),
    );
    const afterFirst = await env.sentPerNumber();
    expect(afterFirst.size).toBe(stopped.submitted);

    await writeCsv('campaign.csv', 40);
    const resumed = await env.run([
      ...args,
      '--batch-size',
      '5',
      '--resume',
      summaryFile,
      '--summary-file',
      summaryFile,
    ]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(
      `read 40 row(s) of ${file}: 15 sent, 0 duplicate(s) (sent once), 0 invalid (not sent), 0 failed (not sent), 0 unknown outcome, 25 skipped (done by an earlier run)`,
    );
    const perNumber = await env.sentPerNumber();
    expect([...perNumber.keys()].sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => wire(i)).sort(),
    );
    expect([...perNumber.values()].every((times) => times === 1)).toBe(true);

    // A third resume of a file whose rows moved would skip the wrong people: refused.
    await writeCsv('campaign.csv', 40, (i) => `user ${i},${phone(39 - i)}`);
    const moved = await env.run([...args, '--resume', summaryFile]);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain('does not match the run recorded in');
    expect((await env.sentPerNumber()).size).toBe(40);
  }, 60_000);

  it('a malformed row found by the dry run or the confirmation pass: exit 65, nothing sent', async () => {
    const file = await writeCsv('quote.csv', 8, (i) =>
      i === 5 ? `user 5,"${phone(5)}` : undefined,
    );
    const run = await env.run([
      'send',
      '--file',
      file,
      '--column',
      'mobile',
      '--text',
      'x',
      '--dry-run',
      '--json',
    ]);
    expect(run.code).toBe(65);
    expect(json(run.stdout).error).toMatchObject({ code: 'CSV_INVALID', file, line: 7, row: 6 });
    expect(run.stderr).toContain('Quote Not Closed');
    expect((await env.sentPerNumber()).size).toBe(0);
  });

  it('refuses an unusable --resume or --summary-file before sending', async () => {
    const file = await writeCsv('small.csv', 3);
    const base = ['send', '--file', file, '--column', 'mobile', '--text', 'x', '--yes'];
    const notAToken = await env.run([...base, '--resume', 'no such summary!']);
    expect(notAToken.code).toBe(1);
    expect(notAToken.stderr).toContain('--resume takes the summary file of an earlier run');
    const notASummary = await env.run([...base, '--resume', file]);
    expect(notASummary.code).toBe(1);
    expect(notASummary.stderr).toContain('no resumeToken');
    const nowhere = await env.run([...base, '--summary-file', join(dir, 'missing', 'x.json')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('--summary-file');
    // Found by the hostile review: the summary overwrote the recipients file.
    const itself = await env.run([...base, '--summary-file', file]);
    expect(itself.code).toBe(1);
    expect(itself.stderr).toContain('would overwrite the recipients');
    expect(await readFile(file, 'utf8')).toContain('mobile');
    expect((await env.sentPerNumber()).size).toBe(0);
  });

  it('resumes from a bare token too (the summary JSON of a run that had failures)', async () => {
    const file = await writeCsv('token.csv', 6);
    const args = ['send', '--file', file, '--column', 'mobile', '--text', 'x', '--yes', '--json'];
    // The first submit is refused (402): those rows failed and are safe to send again.
    await env.inject('PUT', '/__mock/faults', [
      { type: 'state-code', stateCode: '402', endpoint: 'submit', times: 1 },
    ]);
    const cwd = await mkdtemp(join(tmpdir(), 'intl-sms-token-'));
    const first = await env.run([...args, '--batch-size', '3', '--concurrency', '1'], {}, cwd);
    expect(first.code).toBe(3);
    const summary = json(first.stdout);
    expect(summary).toMatchObject({ submitted: 3, failed: 3, interrupted: false });
    expect(summary.summaryFile).toMatch(/^intl-sms-summary-/);
    const again = await env.run([...args, '--resume', summary.resumeToken]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Resuming from a bare token');
    expect(json(again.stdout)).toMatchObject({ submitted: 3, skipped: 3 });
    const perNumber = await env.sentPerNumber();
    expect(perNumber.size).toBe(6);
    expect([...perNumber.values()].every((times) => times === 1)).toBe(true);
  });
});

describe('intl-sms send --file: duplicates, invalid rows and progress', () => {
  it('counts repeats as duplicates (sent once) and invalid rows as invalid, in text, progress and JSON', async () => {
    // 10 rows: 5 distinct numbers, 3 repeats of them, 2 invalid.
    const rows = [0, 1, 2, 0, 3, 1, 4, -1, 2, -1];
    const file = await writeCsv('repeats.csv', rows.length, (i) =>
      rows[i] === -1 ? `user ${i},not-a-number` : `user ${i},${phone(rows[i] as number)}`,
    );
    const args = ['send', '--file', file, '--column', 'mobile', '--text', 'x', '--yes'];
    const text = await env.run([...args, '--batch-size', '2']);
    expect(text.code).toBe(3);
    expect(text.stdout).toContain(
      `read 10 row(s) of ${file}: 5 sent, 3 duplicate(s) (sent once), 2 invalid (not sent), 0 failed (not sent), 0 unknown outcome`,
    );
    expect(text.stdout).toContain('row 8 not-a-number:');
    // Without a terminal, progress goes to stderr as lines that never count refused rows as sent.
    const progress = text.stderr.split('\n').filter((line) => line.startsWith('rows: '));
    expect(progress.length).toBeGreaterThan(0);
    // The last progress line ends with the run's cost, the same as its summary's.
    const cost = /^total cost (\S+)$/m.exec(text.stdout)?.[1];
    expect(progress.at(-1)).toBe(
      `rows: 10 done: 5 sent, 3 duplicate(s) (sent once), 2 invalid (not sent), 0 failed (not sent), 0 unknown outcome; cost ${cost}`,
    );
    expect(text.stderr).not.toContain('submitted');
    const perNumber = await env.sentPerNumber();
    expect(perNumber.size).toBe(5);
    expect([...perNumber.values()].every((times) => times === 1)).toBe(true);

    await env.inject('POST', '/__mock/reset');
    const out = json((await env.run([...args, '--json'])).stdout);
    expect(out).toMatchObject({ read: 10, submitted: 5, duplicates: 3, rejected: 2 });
    expect(
      out.duplicateRecipients.map((d: { index: number; duplicateOf: number }) => [
        d.index,
        d.duplicateOf,
      ]),
    ).toEqual([
      [3, 0],
      [5, 1],
      [8, 2],
    ]);
  });

  it('--dry-run: the same counts, and a clear warning when the balance does not cover the cost', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '0.0500' });
    const file = await writeCsv('dry.csv', 4, (i) => (i === 3 ? `user 3,${phone(0)}` : undefined));
    const args = ['send', '--file', file, '--column', 'mobile', '--text', 'x', '--dry-run'];
    const text = await env.run(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('3 of 4 row(s) in');
    expect(text.stdout).toContain('1 duplicate(s) (sent once)');
    expect(text.stdout).toMatch(
      /warning: the balance 0\.0500 does not cover the cost: 0\.\d{4} short/,
    );
    expect(text.stdout).toContain('dry run: nothing was sent');
    const plan = json((await env.run([...args, '--json'])).stdout);
    expect(plan).toMatchObject({
      dryRun: true,
      read: 4,
      recipients: 3,
      duplicates: 1,
      balance: '0.0500',
      balanceSufficient: false,
    });
    expect(plan.shortfall).toBe(
      Decimal.parse(plan.cost).subtract(Decimal.parse('0.05')).toString(),
    );
    expect((await env.sentPerNumber()).size).toBe(0);
  });
});
