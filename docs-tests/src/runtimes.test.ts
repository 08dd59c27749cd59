/**
 * `@intl-sms/core` from its packed tarball, installed with npm, sending through the mock
 * server from every runtime it supports: Node 20, 22 and 24 (undici), Bun and Deno (their
 * `fetch`), a Cloudflare Worker in workerd without `nodejs_compat`, and a Next.js route
 * handler in the Vercel Edge runtime — each one an example of `examples/runtimes/`.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { blockEnv } from './block-runner.js';
import { REPO_ROOT } from './doc-files.js';
import { runProcess } from './run-process.js';

const app = inject('docsApp');
const mockUrl = inject('mockUrl');
const env = blockEnv({ mockUrl, redisUrl: inject('redisUrl') });
const dir = join(app, 'runtimes');
const bin = (name: string) => join(app, 'node_modules', '.bin', name);

/** Copies an example (and the harness's helper files) into the app, next to node_modules. */
async function place(...files: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of files) {
    const from =
      file.startsWith('run-') || file === 'edge-entry.mjs'
        ? join(REPO_ROOT, 'docs-tests/src/runtimes', file)
        : join(REPO_ROOT, 'examples/runtimes', file);
    await copyFile(from, join(dir, file));
  }
}

async function run(command: string, args: string[]): Promise<unknown> {
  const result = await runProcess(command, args, { cwd: dir, env, timeoutMs: 60_000 });
  expect(result.timedOut, result.stderr).toBe(false);
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
}

/** How many SMS to `phone` the mock received. */
async function receivedBy(phone: string): Promise<number> {
  const response = await fetch(`${mockUrl}/__mock/messages?phone=${phone}`);
  return ((await response.json()) as { total: number }).total;
}

/** Replaces the mock's fault rules (the files of this suite run one at a time). */
async function setFaults(rules: object[]): Promise<void> {
  const response = await fetch(`${mockUrl}/__mock/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rules),
  });
  expect(response.status).toBe(200);
}

async function bundle(entry: string, out: string, conditions: string): Promise<void> {
  const args = [
    entry,
    '--bundle',
    '--format=esm',
    '--platform=browser',
    `--conditions=${conditions}`,
  ];
  if (entry.includes('edge')) args.splice(2, 1, '--format=iife');
  const result = await runProcess(bin('esbuild'), [...args, `--outfile=${out}`], {
    cwd: dir,
    env,
    timeoutMs: 60_000,
  });
  expect(result.code, result.stderr).toBe(0);
}

describe('@intl-sms/core in every runtime (packed, installed with npm)', () => {
  it.each([
    ['Node 20', process.execPath],
    ['Node 22', join(app, 'node_modules/node22/bin/node')],
    ['Node 24', join(app, 'node_modules/node24/bin/node')],
  ])('sends from %s (undici)', async (_, node) => {
    await place('node-send.mjs');
    const before = await receivedBy('639171234567');
    expect(await run(node, ['node-send.mjs'])).toMatchObject({ accepted: ['639171234567'] });
    expect(await receivedBy('639171234567')).toBe(before + 1);
  });

  it('sends from Bun (its fetch: Bun has no undici Agent.request)', async () => {
    await place('bun-send.mjs');
    expect(await run(bin('bun'), ['bun-send.mjs'])).toMatchObject({ accepted: ['639171234567'] });
  });

  it('sends from Deno (its fetch)', async () => {
    await place('deno-send.mjs');
    const args = ['run', '--allow-net', '--allow-env', '--allow-read', 'deno-send.mjs'];
    expect(await run(bin('deno'), args)).toMatchObject({ accepted: ['639171234567'] });
  });

  const denoFlags = ['run', '--allow-net', '--allow-env', '--allow-read'];
  it.each([
    ['Bun', () => bin('bun'), [], '639171230001', 'own-fetch'],
    ['Deno', () => bin('deno'), denoFlags, '639171230002', 'own-fetch'],
    ['Deno with a wrapped fetch', () => bin('deno'), denoFlags, '639171230004', 'wrapped-fetch'],
  ])(
    '%s never repeats a submit whose reused connection is reset after the provider processed it',
    async (_, command, flags, phone, mode) => {
      // Deno's HTTP client repeats a request on a reused keep-alive connection that turns
      // out closed, a POST included: the transport sends each submit on a fresh connection.
      await place('run-send-once.mjs');
      await setFaults([{ endpoint: 'submit', type: 'reset', phone, times: 1 }]);
      try {
        const outcome = await run(command(), [...flags, 'run-send-once.mjs', `+${phone}`, mode]);
        expect(outcome).toEqual({ error: 'SUBMIT_OUTCOME_UNKNOWN' });
        expect(await receivedBy(phone)).toBe(1);
      } finally {
        await setFaults([]);
      }
    },
  );

  it('sends from a Cloudflare Worker bundled as wrangler does, without nodejs_compat', async () => {
    await place('worker.mjs', 'run-worker.mjs');
    await bundle('worker.mjs', 'worker.bundle.mjs', 'workerd,worker,browser');
    const body = JSON.stringify({ to: '+447400123456', text: 'from a Worker' });
    // Miniflare 4 needs Node 22.
    const node22 = join(app, 'node_modules/node22/bin/node');
    expect(await run(node22, ['run-worker.mjs', 'worker.bundle.mjs', body])).toEqual({
      status: 200,
      answer: expect.objectContaining({ accepted: ['447400123456'] }),
    });
    expect(await receivedBy('447400123456')).toBeGreaterThan(0);
  });

  it('sends from a Next.js route handler in the Vercel Edge runtime', async () => {
    await place('next-route.mjs', 'edge-entry.mjs', 'run-edge.mjs');
    await bundle('edge-entry.mjs', 'edge.bundle.js', 'edge-light,worker,browser');
    const body = JSON.stringify({ to: '+6591234567', text: 'from the edge' });
    expect(await run(process.execPath, ['run-edge.mjs', 'edge.bundle.js', body])).toEqual({
      status: 200,
      answer: expect.objectContaining({ accepted: ['6591234567'] }),
    });
    expect(await receivedBy('6591234567')).toBeGreaterThan(0);
  });
});
