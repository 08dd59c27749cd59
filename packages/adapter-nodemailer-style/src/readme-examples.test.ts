import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { DEMO_ACCOUNT, type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PACKAGE_DIR = new URL('..', import.meta.url);

/** The ```js block after `<!-- example:NAME -->` in the README. */
async function example(name: string): Promise<string> {
  const readme = await readFile(new URL('README.md', PACKAGE_DIR), 'utf8');
  const match = new RegExp(`<!-- example:${name} -->\\s*\`\`\`js\\n([\\s\\S]*?)\`\`\``).exec(
    readme,
  );
  if (!match?.[1]) throw new Error(`README has no example ${name}`);
  return match[1];
}

let mock: RunningMockServer;
beforeAll(async () => {
  mock = await startMockServer({ receiptDelay: 0 });
});
afterAll(async () => {
  await mock.close();
});

/** Runs the example inside the package directory, so the package name resolves to this package. */
async function runExample(name: string): Promise<string> {
  const file = new URL(`readme-example-${name}.mjs`, PACKAGE_DIR);
  await writeFile(file, await example(name));
  try {
    const { stdout } = await run(process.execPath, [file.pathname], {
      env: {
        ...process.env,
        SJROOM_ACCOUNT: DEMO_ACCOUNT.account,
        SJROOM_PASSWORD: DEMO_ACCOUNT.password,
        SJROOM_BASE_URL: mock.url,
      },
    });
    return stdout;
  } finally {
    await rm(file);
  }
}

const messages = async () =>
  (await mock.app.inject({ method: 'GET', url: '/__mock/messages' })).json().messages;

describe('README examples run as written', () => {
  it.each(['nodemailer', 'standalone'])('%s', async (name) => {
    // `accepted` is in the wire form: digits, country code first, no `+`.
    expect(await runExample(name)).toMatch(/^\d+.*'639171234567'/);
    expect((await messages())[0].text).toMatch(/4242/);
  });

  it('cost: smart encoded as one GSM-7 segment, then refused over its cap', async () => {
    await mock.app.inject({
      method: 'POST',
      url: '/__mock/reset',
      headers: { 'content-type': 'application/json' },
    });
    const stdout = await runExample('cost');
    const [sent, ...others] = await messages();
    expect(others).toEqual([]);
    expect(sent).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(stdout).toBe(`${sent.text} 1 ${sent.cost}\nEBUDGET ${sent.cost}\n`);
  });
});
