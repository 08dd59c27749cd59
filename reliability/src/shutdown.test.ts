import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createSjroomTransport } from '@intl-sms/core';
import { DEMO_ACCOUNT, startMockServer } from '@intl-sms/mock-server';
import { describe, expect, it } from 'vitest';

const credentials = { account: DEMO_ACCOUNT.account, password: DEMO_ACCOUNT.password };
const require = createRequire(import.meta.url);
const CLI = join(dirname(require.resolve('@intl-sms/cli/package.json')), 'bin', 'intl-sms.js');
const MOCK_CLI = join(
  dirname(require.resolve('@intl-sms/mock-server/package.json')),
  'bin',
  'intl-sms-mock.js',
);

const tcpHandles = () =>
  process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP')).length;

describe('shutdown is clean', () => {
  it('transport.close() waits for the send in flight, then leaves no socket open', async () => {
    const handlesBefore = tcpHandles();
    const mock = await startMockServer({
      receiptDelay: 0,
      faults: [{ type: 'latency', delayMs: 300, endpoint: 'submit' }],
    });
    const sms = createSjroomTransport({ ...credentials, baseUrl: mock.url });
    await sms.listChannels();
    const sending = sms.send({ to: '+639171234567', text: 'in flight' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = sms.close();
    const [result] = await Promise.all([sending, closing]);
    expect(result.accepted).toEqual(['639171234567']);
    await expect(sms.getBalance()).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    await mock.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tcpHandles()).toBeLessThanOrEqual(handlesBefore);
  });

  it('SIGTERM to the mock CLI exits 0 after closing connections', async () => {
    const child = spawn(process.execPath, [MOCK_CLI, '--log-level', 'silent'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const url = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk) => resolve(String(chunk).trim())),
    );
    const keepAlive = await fetch(`${url}/__mock/health`);
    expect(keepAlive.status).toBe(200);
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  });

  it('SIGTERM to the CLI during a bulk send prints a correct summary', async () => {
    const mock = await startMockServer({ receiptDelay: 0 });
    const dir = await mkdtemp(join(tmpdir(), 'shutdown-'));
    const file = join(dir, 'r.csv');
    await writeFile(
      file,
      `phone\n${Array.from({ length: 1_000 }, (_, i) => `+63917${String(i * 10 + 5).padStart(7, '0')}`).join('\n')}\n`,
    );
    const child = spawn(
      process.execPath,
      [
        CLI,
        'send',
        '--file',
        file,
        '--text',
        'x',
        '--yes',
        '--json',
        '--rate',
        '4',
        '--batch-size',
        '50',
        '--concurrency',
        '1',
      ],
      {
        // The CLI saves its summary in the working directory: keep it in the test's own.
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          SJROOM_ACCOUNT: credentials.account,
          SJROOM_PASSWORD: credentials.password,
          SJROOM_BASE_URL: mock.url,
        },
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    while (mock.state.batches.recipientCount === 0)
      await new Promise((resolve) => setTimeout(resolve, 25));
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('close', resolve));
    const summary = JSON.parse(stdout);
    expect(code).toBe(130);
    expect(summary.interrupted).toBe(true);
    expect(summary.submitted).toBe(mock.state.batches.recipientCount);
    expect(summary.submitted + summary.failed + summary.rejected + summary.unknown).toBe(
      summary.read,
    );
    await mock.close();
  });
});
