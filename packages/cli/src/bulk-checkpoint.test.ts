import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testPhone, writeCsvFile } from './test-support/csv-fixture.js';
import { cliEnv, spawnCli } from './test-support/run-cli.js';

let env: Awaited<ReturnType<typeof cliEnv>>;
let dir: string;
beforeAll(async () => {
  env = await cliEnv();
  dir = await mkdtemp(join(tmpdir(), 'intl-sms-checkpoint-'));
});
afterAll(async () => {
  await env.mock.close();
});
afterEach(async () => {
  await env.inject('POST', '/__mock/reset');
});

const wire = (i: number) => testPhone(i).slice(1);
const sendArgs = (file: string) => ['send', '--file', file, '--text', 'checkpoint', '--yes'];

/** Waits until the mock holds at least `count` recipients. */
async function untilReceived(count: number): Promise<void> {
  for (;;) {
    const page = await env.inject('GET', '/__mock/messages?limit=1000');
    const received = (page.messages as { recipients: unknown[] }[]).reduce(
      (sum, m) => sum + m.recipients.length,
      0,
    );
    if (received >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the mock has no call left in a latency fault (what a dead client sent has landed). */
async function settled(): Promise<void> {
  while ((await env.inject('GET', '/__mock/health')).pendingCalls > 0)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('intl-sms send --file: a checkpoint before each submit', () => {
  it('SIGKILLed twice mid-run, then resumed from the same summary file each time: no number is sent twice', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '100000' });
    const rows = 3_000;
    const file = await writeCsvFile(join(dir, 'killed.csv'), 'phone', rows, testPhone);
    const summaryFile = join(dir, 'killed.json');
    const args = [...sendArgs(file), '--batch-size', '100', '--concurrency', '2'];
    await env.inject('PUT', '/__mock/faults', [
      { type: 'latency', endpoint: 'submit', delayMs: 100 },
    ]);
    // Run 1 dies (SIGKILL: no handler runs) after a few batches; run 2 resumes as the
    // README says, with the same --summary-file, and dies too; run 3 goes to the end.
    const killed: { inFlight: { from: number; to: number }[] }[] = [];
    for (const extra of [[], ['--resume', summaryFile]]) {
      const before = (await env.sentPerNumber()).size;
      const { child, done } = spawnCli([...args, '--summary-file', summaryFile, ...extra], env.env);
      await untilReceived(before + 300);
      child.kill('SIGKILL');
      expect((await done).code).toBe(null);
      await settled();
      const checkpoint = JSON.parse(await readFile(summaryFile, 'utf8'));
      expect(checkpoint).toMatchObject({ state: 'running', interrupted: false });
      expect(checkpoint.source.rows).toBe(checkpoint.read);
      // The rows in flight are counted unknown and listed as ranges.
      const inFlight = checkpoint.inFlight.reduce(
        (sum: number, r: { from: number; to: number }) => sum + r.to - r.from + 1,
        0,
      );
      expect(inFlight).toBeGreaterThan(0);
      expect(checkpoint.unknown).toBe(checkpoint.unknownRecipients.length + inFlight);
      expect(checkpoint.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      killed.push(checkpoint);
    }
    await env.inject('PUT', '/__mock/faults', []);
    const last = await env.run([
      ...args,
      '--summary-file',
      summaryFile,
      '--resume',
      summaryFile,
      '--json',
    ]);
    expect(last.stderr).toContain('the checkpoint of a run that did not end');
    expect(last.code).toBe(0);
    const summary = JSON.parse(last.stdout);
    expect(summary).toMatchObject({ state: 'ended', read: rows, failed: 0, unknown: 0 });
    expect(JSON.parse(await readFile(summaryFile, 'utf8')).state).toBe('ended');

    const perNumber = await env.sentPerNumber();
    expect([...perNumber.values()].every((times) => times === 1)).toBe(true);
    // A row missing at the mock is one a killed run had in flight (about to leave when it
    // died): booked unknown in its checkpoint, skipped since — never silently dropped.
    const inFlight = (i: number) =>
      killed.some((c) => c.inFlight.some((r) => r.from <= i && i <= r.to));
    for (let i = 0; i < rows; i++)
      if (!perNumber.has(wire(i))) expect(inFlight(i), `row ${i + 1}`).toBe(true);
    expect(summary.skipped + summary.submitted).toBe(rows);
  }, 60_000);

  it('without --summary-file, checkpoints to intl-sms-summary-*.json and removes it when the run ends with nothing left', async () => {
    const file = await writeCsvFile(join(dir, 'clean.csv'), 'phone', 50, testPhone);
    const cwd = await mkdtemp(join(tmpdir(), 'intl-sms-clean-'));
    const run = await env.run([...sendArgs(file), '--batch-size', '10', '--json'], {}, cwd);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      state: 'ended',
      submitted: 50,
      summaryFile: null,
    });
    expect(await readdir(cwd)).toEqual([]);
  });

  it('refuses before sending when the checkpoint cannot be written', async () => {
    const file = await writeCsvFile(join(dir, 'nowhere.csv'), 'phone', 5, testPhone);
    const run = await env.run([
      ...sendArgs(file),
      '--summary-file',
      join(dir, 'no-such-dir', 'run.json'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot write');
    expect((await env.sentPerNumber()).size).toBe(0);
  });

  it('Ctrl-C while the file is being read: the summary has the fingerprint, and a resume of an edited file is refused', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '100000' });
    const rows = 60_000;
    const file = await writeCsvFile(join(dir, 'reading.csv'), 'phone', rows, testPhone);
    const summaryFile = join(dir, 'reading.json');
    // Every submit waits, and there are slots for all: when Ctrl-C comes, the run is reading.
    await env.inject('PUT', '/__mock/faults', [
      { type: 'latency', endpoint: 'submit', delayMs: 1500 },
    ]);
    const args = [...sendArgs(file), '--batch-size', '1000', '--concurrency', '64'];
    const { child, done } = spawnCli([...args, '--summary-file', summaryFile, '--json'], env.env);
    while ((await env.inject('GET', '/__mock/health')).pendingCalls === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(130);
    const summary = JSON.parse(await readFile(summaryFile, 'utf8'));
    expect(summary.read).toBeLessThan(rows);
    expect(summary.source).toMatchObject({ rows: summary.read, sha256: expect.any(String) });
    await settled();
    await env.inject('PUT', '/__mock/faults', []);
    // A customer unsubscribed: the first row is removed before the resume.
    const lines = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, [lines[0], ...lines.slice(2)].join('\n'));
    const resumed = await env.run([...args, '--resume', summaryFile]);
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toContain('does not match the run recorded');
  }, 60_000);
});
