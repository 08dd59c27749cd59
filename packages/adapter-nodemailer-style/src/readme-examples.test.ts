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

describe('README examples run as written', () => {
  it.each(['nodemailer', 'standalone'])('%s', async (name) => {
    // Inside the package directory, so `@intl-sms/adapter-nodemailer-style` resolves to this package.
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
      // `accepted` is in the wire form: digits, country code first, no `+`.
      expect(stdout).toMatch(/^\d+.*'639171234567'/);
    } finally {
      await rm(file);
    }
    const { messages } = (await mock.app.inject({ method: 'GET', url: '/__mock/messages' })).json();
    expect(messages[0].text).toMatch(/4242/);
  });
});
