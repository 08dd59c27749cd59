import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv } from './test-support/run-cli.js';

let env: Awaited<ReturnType<typeof cliEnv>>;
beforeAll(async () => {
  env = await cliEnv();
});
afterAll(async () => {
  await env.mock.close();
});

const toOne = ['send', '--to', '+639171234567', '--text', 'x', '--yes'];
// The file is never opened: the flags are refused first.
const fromFile = ['send', '--file', 'customers.csv', '--text', 'x', '--yes'];

describe('intl-sms: a flag that would be ignored is refused, naming it', () => {
  it.each([
    ['--column with --to', [...toOne, '--column', 'mobile'], '--column'],
    ['--text-column with --to', [...toOne, '--text-column', 'message'], '--text-column'],
    ['--concurrency with --to', [...toOne, '--concurrency', '4'], '--concurrency'],
    ['--rate with --to', [...toOne, '--rate', '5'], '--rate'],
    ['--batch-size with --to', [...toOne, '--batch-size', '100'], '--batch-size'],
    ['--resume with --to', [...toOne, '--resume', 'run.json'], '--resume'],
    ['--summary-file with --to', [...toOne, '--summary-file', 'run.json'], '--summary-file'],
    ['--timeout without --wait', [...toOne, '--timeout', '1m'], '--timeout'],
    ['--wait with --file', [...fromFile, '--wait'], '--wait'],
    ['--timeout with --file', [...fromFile, '--timeout', '1m'], '--timeout'],
    ['--skip-invalid with --file', [...fromFile, '--skip-invalid'], '--skip-invalid'],
    [
      '--summary-file with --dry-run',
      [...fromFile, '--dry-run', '--summary-file', 'run.json'],
      '--summary-file',
    ],
    ['a global flag with mock', ['mock', '--json', '--port', '0'], '--json'],
    ['a --channel that is not an id', [...toOne, '--channel', 'cheapest'], '--channel'],
  ])('%s', async (_name, args, flag) => {
    const run = await env.run(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(flag);
    // Nothing but, with --json, the error document.
    if (run.stdout !== '') expect(JSON.parse(run.stdout).error.code).toBe('USAGE');
    expect((await env.inject('GET', '/__mock/health')).messages).toBe(0);
  });

  it('the defaults of flags that apply to one mode do not trip the check', async () => {
    const run = await env.run([...toOne, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).accepted).toEqual(['639171234567']);
    await env.inject('POST', '/__mock/reset');
  });
});
