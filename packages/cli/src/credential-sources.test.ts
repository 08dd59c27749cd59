import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv } from './test-support/run-cli.js';

let env: Awaited<ReturnType<typeof cliEnv>>;
beforeAll(async () => {
  env = await cliEnv();
});
afterAll(async () => {
  await env.mock.close();
});

const NO_CREDENTIALS = {
  SJROOM_ACCOUNT: undefined,
  SJROOM_PASSWORD: undefined,
  SJROOM_BASE_URL: undefined,
};
const PASSWORD_WARNING = 'warning: --password shows the password to every user of this machine';

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'intl-sms-cred-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('where the CLI takes credentials and the API from', () => {
  // A cloned repository's .env must not pick the host the shell's credentials go to.
  it('reads no .env unless --env-file names it, and says so when credentials are missing', async () => {
    const dir = await dirWith({
      '.env': `SJROOM_ACCOUNT=demo\nSJROOM_PASSWORD=demo-password\nSJROOM_BASE_URL=${env.mock.url}\n`,
    });
    const ignored = await env.run(['balance'], NO_CREDENTIALS, dir);
    expect(ignored.code).toBe(1);
    expect(ignored.stderr).toContain('(a .env file is here: pass --env-file .env to read it)');
    const read = await env.run(['balance', '--env-file', '.env'], NO_CREDENTIALS, dir);
    expect(read).toMatchObject({ code: 0, stdout: '1000.0000\n' });
  });

  it('--env-file: flags and variables already set win over the file', async () => {
    const dir = await dirWith({
      'creds.env':
        'SJROOM_ACCOUNT=nobody\nSJROOM_PASSWORD=wrong\nSJROOM_BASE_URL=http://127.0.0.1:9\n',
    });
    // The environment (demo credentials, the mock's URL) wins over every line of the file.
    const run = await env.run(['balance', '--env-file', 'creds.env'], {}, dir);
    expect(run).toMatchObject({ code: 0, stdout: '1000.0000\n' });
    const flags = await env.run(
      ['balance', '--env-file', 'creds.env', '--account', 'demo', '--password-stdin'],
      { ...NO_CREDENTIALS, SJROOM_BASE_URL: env.mock.url },
      dir,
      'demo-password\n',
    );
    expect(flags).toMatchObject({ code: 0, stdout: '1000.0000\n' });
    // Node itself looks for a file named by --env-file anywhere on its command line, and
    // stops before intl-sms starts when there is none.
    const missing = await env.run(['balance', '--env-file', 'nope.env'], {}, dir);
    expect(missing.code).toBe(9);
    expect(missing.stderr).toContain('nope.env: not found');
  });

  it('names the API on stderr when it is not the vendor URL, and nowhere in --json output', async () => {
    const run = await env.run(['balance', '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ balance: '1000.0000' });
    expect(run.stderr).toBe(
      `intl-sms: using the API at ${env.mock.url} (not the vendor's http://api.sjroom.cn)\n`,
    );
  });
});

describe('the password', () => {
  it('from standard input, with or without a final newline; no warning', async () => {
    for (const input of ['demo-password\n', 'demo-password', 'demo-password\r\n']) {
      const run = await env.run(
        ['balance', '--password-stdin'],
        { SJROOM_PASSWORD: undefined },
        undefined,
        input,
      );
      expect(run).toMatchObject({ code: 0, stdout: '1000.0000\n' });
      expect(run.stderr).not.toContain('warning');
    }
  });

  it('from a file', async () => {
    const dir = await dirWith({ pw: 'demo-password\n' });
    await chmod(join(dir, 'pw'), 0o600);
    const run = await env.run(['balance', '--password-file', join(dir, 'pw')], {
      SJROOM_PASSWORD: undefined,
    });
    expect(run).toMatchObject({ code: 0, stdout: '1000.0000\n' });
    expect(run.stderr).not.toContain('warning');
  });

  it('as a flag: accepted, with a warning that ps and the shell history show it', async () => {
    const run = await env.run(['balance', '--password', 'demo-password']);
    expect(run).toMatchObject({ code: 0, stdout: '1000.0000\n' });
    expect(run.stderr).toContain(PASSWORD_WARNING);
    expect(run.stderr).not.toContain('demo-password');
    expect((await env.run(['balance'])).stderr).not.toContain(PASSWORD_WARNING);
  });

  it.each([
    [['--password', 'x', '--password-stdin'], 'Give the password one way'],
    [['--password-file', '/nonexistent/pw'], 'Cannot read --password-file /nonexistent/pw'],
    [['--password-stdin'], '--password-stdin: no password there'],
  ])('refuses %j: exit 1, %s', async (flags, message) => {
    const run = await env.run(['balance', ...flags], {}, undefined, '\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it('is never taken by intl-sms mock', async () => {
    const run = await env.run(['mock', '--password-stdin'], {}, undefined, 'x');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--password-stdin does not apply to intl-sms mock');
  });
});
