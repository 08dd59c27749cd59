import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { readmeFaultExamples } from './test-support/readme-examples.js';

const BIN = new URL('../bin/intl-sms-mock.js', import.meta.url).pathname;
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

function start(
  args: string[],
  env: Record<string, string | undefined> = {},
): {
  process: ChildProcess;
  firstLine: Promise<string>;
  exit: Promise<number | null>;
} {
  const process = spawn(globalThis.process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: globalThis.process.env.PATH, ...env },
  });
  child = process;
  const lines = createInterface({ input: process.stdout });
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    process.once('exit', () => reject(new Error('exited before printing its URL')));
  });
  firstLine.catch(() => undefined);
  const exit = new Promise<number | null>((resolve) =>
    process.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return { process, firstLine, exit };
}

async function balance(url: string, account = 'demo', password = 'demo-password') {
  const response = await fetch(`${url}/api/open/int/sms/balance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account, password }),
  });
  return response.json();
}

/** The status of `GET /__mock/health` sent with this `Host` header. */
function hostStatus(url: string, host: string, authorization: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/__mock/health`, { headers: { host, authorization } });
    req.once('response', (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    req.once('error', reject);
    req.end();
  });
}

describe('intl-sms-mock CLI', () => {
  it('prints its URL first, serves the demo account, and exits 0 on SIGTERM', async () => {
    const run = start(['--port', '0', '--log-level', 'silent']);
    const url = await run.firstLine;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await balance(url)).toMatchObject({ stateCode: '200', data: '1000.0000' });
    run.process.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it('keeps a code cache of its bundle by the time it prints its URL, and starts from it', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'mock-code-cache-'));
    for (const run of [1, 2]) {
      const started = start(['--log-level', 'silent'], { INTL_SMS_MOCK_CACHE_DIR: cache });
      const url = await started.firstLine;
      expect(await readdir(cache), `run ${run}`).toEqual([expect.stringMatching(/\.v8$/)]);
      expect(await balance(url)).toMatchObject({ stateCode: '200' });
      started.process.kill('SIGTERM');
      expect(await started.exit).toBe(0);
    }
  });

  it('exits 0 on SIGINT too', async () => {
    const run = start(['--log-level', 'silent']);
    await run.firstLine;
    run.process.kill('SIGINT');
    expect(await run.exit).toBe(0);
  });

  it('loads accounts from a YAML config and applies flags', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'intl-sms-mock-'));
    const config = join(dir, 'mock.yaml');
    await writeFile(
      config,
      'accounts:\n  - account: acme\n    password: acme-pw\n    balance: "12.5"\n',
    );
    const run = start([
      '--config',
      config,
      '--seed',
      '7',
      '--receipt-delay',
      '10-20',
      '--failure-rate',
      '0.1',
      '--log-level',
      'silent',
    ]);
    const url = await run.firstLine;
    expect(await balance(url, 'acme', 'acme-pw')).toMatchObject({ data: '12.5000' });
    run.process.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it('applies --fault rules from the command line', async () => {
    const run = start([
      '--log-level',
      'silent',
      '--fault',
      '{"type":"state-code","stateCode":"500","endpoint":"balance"}',
    ]);
    const url = await run.firstLine;
    expect(await balance(url)).toMatchObject({ stateCode: '500' });
    run.process.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it("takes the README's --fault examples as written", async () => {
    const { flags } = await readmeFaultExamples();
    const run = start(['--log-level', 'silent', ...flags.flatMap((flag) => ['--fault', flag])]);
    const url = await run.firstLine;
    const { rules } = (await (await fetch(`${url}/__mock/faults`)).json()) as {
      rules: { id: string; matched: number }[];
    };
    expect(rules.map((rule) => [rule.id, rule.matched])).toEqual([
      ['ph-closed-then-reset', 0],
      ['third-balance-502', 0],
    ]);
    run.process.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it.each([
    [['--fault', '{"type":"latency"}'], /--fault \[delayMs:required for type latency\]/],
    [
      ['--fault', '{"type":"drop","then":{"type":"reset"}}'],
      /--fault \[then:needs times or nth on this rule/,
    ],
    [['--port', 'abc'], /--port must be a number/],
    [['--unknown'], /Unknown option '--unknown'/],
    [['--receipt-delay', 'soon'], /--receipt-delay must be/],
    [['--token', 'two words'], /--token must be 1 to 1024 visible ASCII characters/],
  ])('refuses %j with exit code 1 and a clear message', async (args, message) => {
    const run = start(args);
    let stderr = '';
    run.process.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    expect(await run.exit).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('takes the token from --token or INTL_SMS_MOCK_TOKEN, and more Host names from --allowed-host', async () => {
    for (const [args, env] of [
      [['--token', 'flag-Tok3n'], {}],
      [[], { INTL_SMS_MOCK_TOKEN: 'flag-Tok3n' }],
    ] as const) {
      const run = start(['--log-level', 'silent', '--allowed-host', 'mock', ...args], env);
      const url = await run.firstLine;
      expect((await fetch(`${url}/__mock/health`)).status).toBe(401);
      const authorization = 'Bearer flag-Tok3n';
      expect((await fetch(`${url}/__mock/health`, { headers: { authorization } })).status).toBe(
        200,
      );
      expect(await balance(url)).toMatchObject({ stateCode: '200' });
      const viaName = await hostStatus(url, 'mock', authorization);
      expect(viaName).toBe(200);
      expect(await hostStatus(url, 'attacker.example', authorization)).toBe(403);
      run.process.kill('SIGTERM');
      expect(await run.exit).toBe(0);
    }
  });

  it('warns on stderr when it listens beyond loopback without a token', async () => {
    const run = start(['--log-level', 'silent', '--host', '0.0.0.0']);
    let stderr = '';
    run.process.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    await run.firstLine;
    await expect.poll(() => stderr).toContain('[INTL_SMS_MOCK_EXPOSED]');
    expect(stderr).toContain('listens on 0.0.0.0 without a token');
    run.process.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it('prints help with the demo account', async () => {
    const run = start(['--help']);
    const help = await run.firstLine;
    expect(help).toContain('Usage: intl-sms-mock');
    expect(await run.exit).toBe(0);
  });
});
