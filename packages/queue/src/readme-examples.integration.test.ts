import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Decimal } from '@intl-sms/core';
import { DEMO_ACCOUNT, type RunningMockServer, startMockServer } from '@intl-sms/mock-server';
import { mockInspector } from '@intl-sms/mock-server/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockControl } from './test-support/mock-control.js';
import { eachOnce, submitCount, submittedCounts } from './test-support/mock-inspection.js';
import { testRedis } from './test-support/redis-server.js';

const run = promisify(execFile);
const PACKAGE_DIR = new URL('..', import.meta.url);

/** The ```js block after `<!-- example:NAME -->` in the README. */
async function example(name: string): Promise<string> {
  const readme = await readFile(new URL('README.md', PACKAGE_DIR), 'utf8');
  const block = new RegExp(`<!-- example:${name} -->\\s*\`\`\`js\\n([\\s\\S]*?)\`\`\``).exec(
    readme,
  );
  if (!block?.[1]) throw new Error(`README has no example ${name}`);
  return block[1];
}

/** The block's lines matching `pattern`: what its `// …` comments say it prints. */
function claimed(code: string, pattern: RegExp): RegExpExecArray[] {
  return code.split('\n').flatMap((line) => {
    const match = pattern.exec(line);
    return match ? [match] : [];
  });
}

let redis: { url: string; close(): Promise<void> };
let redisUrl: string;
let mock: RunningMockServer;

beforeAll(async () => {
  redis = await testRedis();
  // A database of its own: the examples use the default queue name and fixed campaign
  // ids, and are emptied before each run as the docs harness does.
  const url = new URL(redis.url);
  url.pathname = '/9';
  redisUrl = url.toString();
  mock = await startMockServer({ receiptDelay: { minMs: 20, maxMs: 80 } });
});
beforeEach(async () => {
  const client = new Redis(redisUrl);
  await client.flushdb();
  client.disconnect();
  await mockControl(mock.url).clearMessages();
});
afterAll(async () => {
  await mock?.close();
  await redis?.close();
});

/** Runs a README block as a user would (a `.mjs` file, the environment the README names). */
async function runExample(name: string): Promise<{ code: string; stdout: string }> {
  const code = await example(name);
  // Inside the package directory, so `@intl-sms/queue` resolves to this package.
  const file = new URL(`readme-example-${name}.mjs`, PACKAGE_DIR);
  await writeFile(file, code);
  try {
    // It must exit by itself: a worker or queue left open would hold it until the timeout.
    const { stdout } = await run(process.execPath, [file.pathname], {
      timeout: 60_000,
      env: {
        ...process.env,
        REDIS_URL: redisUrl,
        SJROOM_ACCOUNT: DEMO_ACCOUNT.account,
        SJROOM_PASSWORD: DEMO_ACCOUNT.password,
        SJROOM_BASE_URL: mock.url,
      },
    });
    return { code, stdout };
  } finally {
    await rm(file);
  }
}

describe('README examples run as written and send what they say', () => {
  it('quick start: the submits of its result comment, each number once, and it exits', async () => {
    const { code, stdout } = await runExample('quick-start');
    const [said] = claimed(code, /^\/\/ .*\bsubmits: (\d+) \}$/);
    const submits = Number(said?.[1]);
    expect(submits).toBe(2);
    expect(stdout).toMatch(new RegExp(`submits: ${submits}\\b`));
    expect(await submitCount(mock.url)).toBe(submits);
    const counts = await submittedCounts(mock.url);
    expect(counts.size).toBe(3_000);
    expect(eachOnce(counts)).toBe(true);
    // The outcome line the README shows is the one printed.
    const [outcome] = claimed(code, /^\/\/ (completed .*)$/);
    expect(stdout.split('\n')).toContain(outcome?.[1]);
  });

  it('templates batch, personalised texts do not: the counts its comments say', async () => {
    const { code, stdout } = await runExample('templates');
    const said = claimed(code, /^\/\/ (\w+: \d+ recipients, (\d+) submits)$/);
    expect(said.map((line) => line[1])).toEqual([
      'templates: 5 recipients, 3 submits',
      'personal: 5 recipients, 5 submits',
    ]);
    for (const line of said) expect(stdout.split('\n')).toContain(line[1]);
    const total = said.reduce((sum, line) => sum + Number(line[2]), 0);
    expect(await submitCount(mock.url)).toBe(total);
  });

  it('producer: enqueues and exits without a worker; nothing is sent', async () => {
    const { stdout } = await runExample('producer');
    expect(stdout).toMatch(/^3 recipients in 3 submits, queued$/m);
    expect(await submitCount(mock.url)).toBe(0);
  });

  it('cost control: stops at a cap, goes on once raised, smart-encoded, the cost it prints is the mock’s', async () => {
    const { code, stdout } = await runExample('cost-control');
    const lines = stdout.trim().split('\n');
    const [stopped] = claimed(code, /^\/\/ (budget-exceeded .*)$/);
    expect(lines).toContain(stopped?.[1]);
    const [done] = claimed(code, /^\/\/ (awaiting-receipts .*)$/);
    expect(lines).toContain(done?.[1]);
    const messages = await mockInspector(mock.url).allMessages();
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => m.encoding === 'GSM-7' && m.segments === 1)).toBe(true);
    const cost = messages.reduce((sum, m) => sum.add(Decimal.parse(m.cost)), Decimal.zero());
    expect(done?.[1]).toBe(`awaiting-receipts accepted 30, cost ${cost}`);
  });
});
