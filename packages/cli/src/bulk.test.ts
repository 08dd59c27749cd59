import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPhone, writeCsvFile } from './test-support/csv-fixture.js';
import { BIN, cliEnv, spawnCli } from './test-support/run-cli.js';

let env: Awaited<ReturnType<typeof cliEnv>>;
let dir: string;
beforeAll(async () => {
  env = await cliEnv();
  dir = await mkdtemp(join(tmpdir(), 'intl-sms-bulk-'));
});
afterAll(async () => {
  await env.mock.close();
});

function csv(name: string, rows: number, bad = 0): Promise<string> {
  return writeCsvFile(join(dir, name), 'name,mobile,message', rows, (i) => {
    const phone = i < bad ? 'not-a-number' : testPhone(i);
    return `user ${i},${phone},Hello user ${i % 3}`;
  });
}

async function mockRecipients(): Promise<number> {
  return (await env.inject('GET', '/__mock/health')).recipients;
}

describe('intl-sms send --file', () => {
  it('sends a CSV of 25,000 rows; the summary matches the mock', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '100000' });
    const file = await csv('big.csv', 25_000, 3);
    const run = await env.run([
      'send',
      '--file',
      file,
      '--column',
      'mobile',
      '--text',
      'Sale today',
      '--yes',
      '--json',
      '--concurrency',
      '4',
    ]);
    const summary = JSON.parse(run.stdout);
    expect(run.code).toBe(3);
    expect(summary).toMatchObject({
      read: 25_000,
      submitted: 24_997,
      rejected: 3,
      duplicates: 0,
      failed: 0,
      unknown: 0,
      interrupted: false,
      interruption: null,
      resume: null,
    });
    expect(await mockRecipients()).toBe(24_997);
    const { total } = await env.inject('GET', '/__mock/messages?recipients=false&limit=1');
    expect(total).toBe(summary.batchList.length);
    await env.inject('POST', '/__mock/reset');
  }, 60_000);

  it('uses a per-row text column', async () => {
    const file = await csv('texts.csv', 6);
    const run = await env.run([
      'send',
      '--file',
      file,
      '--column',
      'mobile',
      '--text-column',
      'message',
      '--yes',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const { messages } = await env.inject('GET', '/__mock/messages?recipients=false');
    expect(messages.map((m: { text: string }) => m.text).sort()).toEqual([
      'Hello user 0',
      'Hello user 1',
      'Hello user 2',
    ]);
    await env.inject('POST', '/__mock/reset');
  });

  it('a row with an empty --text-column cell and no --text: rejected with a reason naming the flags', async () => {
    const file = await writeCsvFile(join(dir, 'empty-text.csv'), 'mobile,message', 3, (i) =>
      i === 1 ? `${testPhone(i)},` : `${testPhone(i)},hello`,
    );
    const args = ['send', '--file', file, '--column', 'mobile', '--text-column', 'message'];
    const run = await env.run([...args, '--yes', '--json']);
    expect(run.code).toBe(3);
    const { rejectedRecipients } = JSON.parse(run.stdout);
    expect(rejectedRecipients).toEqual([
      {
        index: 1,
        input: testPhone(1),
        reason: 'no text: the message column of this row is empty and no --text was given',
      },
    ]);
    const dry = await env.run([...args, '--dry-run']);
    expect(dry.stdout).not.toContain('options.text');
    await env.inject('POST', '/__mock/reset');
  });

  it('a wrong password: exit 2, every row failed, the summary saved for a resume', async () => {
    const file = await csv('password.csv', 4);
    const cwd = await mkdtemp(join(tmpdir(), 'intl-sms-password-'));
    const run = await env.run(
      ['send', '--file', file, '--column', 'mobile', '--text', 'x', '--yes', '--json'],
      { SJROOM_PASSWORD: 'wrong' },
      cwd,
    );
    expect(run.code).toBe(2);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ read: 4, submitted: 0, failed: 4 });
    expect(summary.failedRecipients[0].code).toBe('AUTHENTICATION_FAILED');
    expect(summary.resume).toBe(`--resume ${summary.summaryFile}`);
    expect(JSON.parse(await readFile(join(cwd, summary.summaryFile), 'utf8')).failed).toBe(4);
    expect(await mockRecipients()).toBe(0);
  });

  it('names a missing column and exits 1 before sending anything', async () => {
    const file = await csv('cols.csv', 2);
    const run = await env.run(['send', '--file', file, '--text', 'x', '--yes']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no column "phone"');
    expect(run.stderr).toContain('--column');
    expect(await mockRecipients()).toBe(0);
  });

  it('stops on Ctrl-C: exit 130, the books saved, and a resume sends every number exactly once', async () => {
    await env.inject('PUT', '/__mock/accounts/demo', { balance: '100000' });
    const file = await csv('slow.csv', 2_000);
    const cwd = await mkdtemp(join(tmpdir(), 'intl-sms-sigint-'));
    const args = ['send', '--file', file, '--column', 'mobile', '--text', 'x', '--yes', '--json'];
    const { child, done } = spawnCli(
      [...args, '--rate', '4', '--concurrency', '1', '--batch-size', '100'],
      env.env,
      cwd,
    );
    let sent = 0;
    while (sent === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sent = await mockRecipients();
    }
    child.kill('SIGINT');
    const run = await done;
    expect(run.stderr).toContain('Interrupted');
    expect(run.code).toBe(130);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      interrupted: true,
      interruption: 'aborted',
      error: { code: 'INTERRUPTED', exitCode: 130 },
    });
    expect(summary.submitted).toBe(await mockRecipients());
    expect(summary.submitted).toBeLessThan(2_000);
    const { submitted, failed, rejected, unknown, duplicates, skipped, read } = summary;
    expect(submitted + failed + rejected + unknown + duplicates + skipped).toBe(read);
    // Without --summary-file, an interrupted run saves its books in the working directory.
    expect(summary.summaryFile).toMatch(/^intl-sms-summary-.*\.json$/);
    expect(summary.resume).toBe(`--resume ${summary.summaryFile}`);
    const saved = JSON.parse(await readFile(join(cwd, summary.summaryFile), 'utf8'));
    expect(saved.resumeToken).toBe(summary.resumeToken);

    const resumed = await env.run([...args, '--resume', summary.summaryFile], {}, cwd);
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ skipped: submitted, read: 2_000 });
    const perNumber = await env.sentPerNumber();
    expect(perNumber.size).toBe(2_000);
    expect([...perNumber.values()].every((times) => times === 1)).toBe(true);
    await env.inject('POST', '/__mock/reset');
  }, 60_000);

  it('renders a progress bar on a terminal (under script) and prints the final line', async () => {
    const file = await csv('tty.csv', 30);
    const command = `${process.execPath} ${BIN} send --file ${file} --column mobile --text tty --yes`;
    const output = await new Promise<string>((resolve) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], {
        env: { ...process.env, ...env.env, TERM: 'xterm' },
      });
      let text = '';
      child.stdout.on('data', (chunk) => {
        text += chunk;
      });
      child.once('close', () => resolve(text));
    });
    expect(output).toMatch(/rows \[[█░]+\] 30\/30 done: 30 sent/);
    expect(output).toContain(
      `read 30 row(s) of ${file}: 30 sent, 0 duplicate(s) (sent once), 0 invalid (not sent), 0 failed (not sent), 0 unknown outcome`,
    );
  }, 30_000);
});
