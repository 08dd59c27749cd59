// `intl-sms worker` and `intl-sms campaign …`: the built binary against the mock server
// and a real Redis (INTL_SMS_TEST_REDIS_URL, as CI sets it, or one of our own), and a
// real Redis Cluster for the operator's cluster settings.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSjroomTransport, Decimal } from '@intl-sms/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedisCluster } from '../../queue/src/test-support/redis-cluster.mjs';
import { freePort, testRedis } from '../../queue/src/test-support/redis-server.js';
import { cliEnv, spawnCli } from './test-support/run-cli.js';

let env: Awaited<ReturnType<typeof cliEnv>>;
let redis: { url: string; close(): Promise<void> };
let dir: string;
let queues = 0;
beforeAll(async () => {
  env = await cliEnv();
  redis = await testRedis();
  dir = await mkdtemp(join(tmpdir(), 'intl-sms-campaign-'));
});
afterEach(async () => {
  await env.inspector.reset();
});
afterAll(async () => {
  await env?.mock.close();
  await redis?.close();
});

/** The environment of a fresh queue: Redis, the queue's name, the mock's credentials. */
function queueEnv(extra: Record<string, string> = {}) {
  return { REDIS_URL: redis.url, INTL_SMS_QUEUE: `cli-${process.pid}-${queues++}`, ...extra };
}

async function csv(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** `intl-sms worker --json` in the background; `stop()` sends SIGTERM and resolves with its run. */
function startWorker(queue: Record<string, string>, args: string[] = []) {
  const worker = spawnCli(['worker', '--json', ...args], { ...env.env, ...queue });
  const started = new Promise<void>((resolve, reject) => {
    worker.child.stdout?.on('data', (data: Buffer) => {
      if (data.toString().includes('started')) resolve();
    });
    worker.child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  started.catch(() => {});
  return {
    started,
    async stop() {
      worker.child.kill('SIGTERM');
      return worker.done;
    },
  };
}

const json = (stdout: string) => JSON.parse(stdout);
const phone = (i: number) => `+63917${String(1_000 + i * 10 + 5).padStart(7, '0')}`;

// Each test spawns the CLI several times beside a worker process, Redis and the mock: on
// a loaded 2-core machine one test took up to a minute, so the limit is the queue's.
const SPAWNS = { timeout: 120_000 };

describe('an operator runs a campaign with the CLI alone', SPAWNS, () => {
  it('enqueue --file, worker (JSON logs, graceful on SIGTERM), watch, status', async () => {
    const file = await csv('customers.csv', [
      'phone,name',
      ...Array.from({ length: 8 }, (_, i) => `${phone(i)},Customer ${i}`),
      'not a number,Typo',
      '+639170000001,Magic', // the mock's number whose receipt says failed
    ]);
    const queue = queueEnv();
    const args = ['campaign', 'enqueue', '--file', file, '--id', 'spring', '--text', 'Sale today'];
    const enqueue = await env.run([...args, '--chunk-size', '4', '--json'], queue);
    expect(enqueue.code).toBe(3); // one row rejected: not everyone will get it
    expect(json(enqueue.stdout)).toMatchObject({
      campaignId: 'spring',
      recipients: 10,
      rejected: 1,
      submits: 3,
    });
    const again = await env.run([...args, '--chunk-size', '4'], queue);
    expect(again.stdout).toContain('was already queued');

    const worker = startWorker(queue);
    await worker.started;
    const watch = await env.run(['campaign', 'watch', 'spring', '--json'], queue);
    expect(watch.code).toBe(3); // a rejected row and an undelivered number
    expect(json(watch.stdout)).toMatchObject({
      state: 'completed',
      counts: { accepted: 9, rejected: 1, delivered: 8, undelivered: 1 },
    });
    const stopped = await worker.stop();
    expect(stopped.code).toBe(0);
    const events = stopped.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const chunks = events.filter((e) => e.event === 'chunk');
    expect(chunks).toHaveLength(3);
    expect(chunks.every((e) => e.outcome === 'submitted' && e.batches.length === 1)).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'worker', message: 'stopped' });
    expect(stopped.stdout + stopped.stderr).not.toContain('demo-password');
    const sent = await env.sentPerNumber();
    expect(sent.size).toBe(9);
    expect([...sent.values()].every((n) => n === 1)).toBe(true);

    const status = await env.run(['campaign', 'status', 'spring'], queue);
    expect(status.code).toBe(3);
    expect(status.stdout).toContain('Campaign spring: completed');
    expect(status.stdout).toContain('#8 not a number: invalid INVALID_NUMBER');
  });

  it('enqueue --max-cost --smart-encoding stops at the cap, status shows the cost, budget --max-cost finishes it', async () => {
    const phones = Array.from({ length: 6 }, (_, i) => phone(200 + i));
    const file = await csv('budget.csv', ['phone', ...phones]);
    const text = '“Sale” — today only';
    const transport = createSjroomTransport({
      baseUrl: env.mock.url,
      account: 'demo',
      password: 'demo-password',
    });
    // One chunk of two PH numbers, as smart encoding sends it.
    const chunk = Decimal.parse(
      (await transport.estimate({ to: phones.slice(0, 2), text: '"Sale" - today only' })).totalCost,
    );
    await transport.close();
    const queue = queueEnv();
    const args = [
      'campaign',
      'enqueue',
      '--file',
      file,
      '--id',
      'capped',
      '--text',
      text,
      '--chunk-size',
      '2',
    ];
    const bad = await env.run([...args, '--max-cost', '12,50'], queue);
    expect(bad.code).toBe(1); // a usage error, before the file is read
    expect(bad.stderr).toContain('--max-cost');
    const enqueue = await env.run(
      [...args, '--smart-encoding', '--max-cost', chunk.multiply(2).toString()],
      queue,
    );
    expect(enqueue.code).toBe(0);
    const worker = startWorker(queue, ['--concurrency', '1']);
    await worker.started;
    const watch = await env.run(['campaign', 'watch', 'capped', '--json'], queue);
    expect(watch.code).toBe(3); // two numbers left unsent for the budget
    expect(json(watch.stdout)).toMatchObject({
      state: 'budget-exceeded',
      counts: { accepted: 4, budget: 2 },
      totalCost: chunk.multiply(2).toString(),
      budget: { exceeded: true },
    });
    const status = await env.run(['campaign', 'status', 'capped'], queue);
    expect(status.stdout).toContain('Campaign capped: budget-exceeded');
    expect(status.stdout).toContain(`total cost ${chunk.multiply(2)}`);
    expect(status.stdout).toContain('intl-sms campaign budget capped --max-cost');
    const raised = await env.run(
      ['campaign', 'budget', 'capped', '--max-cost', chunk.multiply(3).toString()],
      queue,
    );
    expect(raised.code).toBe(0);
    const done = await env.run(['campaign', 'watch', 'capped', '--json'], queue);
    expect(json(done.stdout)).toMatchObject({
      state: 'completed',
      counts: { accepted: 6, budget: 0 },
      totalCost: chunk.multiply(3).toString(),
    });
    await worker.stop();
    const messages = await env.inspector.allMessages();
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => m.encoding === 'GSM-7' && m.text === '"Sale" - today only')).toBe(
      true,
    );
  });

  it('pause, resume, cancel and delete; an unknown campaign is a usage error', async () => {
    const file = await csv('steer.csv', [
      'phone',
      ...Array.from({ length: 6 }, (_, i) => phone(100 + i)),
    ]);
    const queue = queueEnv();
    const enqueue = await env.run(
      ['campaign', 'enqueue', '--file', file, '--id', 'steer', '--text', 'Hi'],
      queue,
    );
    expect(enqueue.code).toBe(0);
    const state = async (verb: string) =>
      json((await env.run(['campaign', verb, 'steer', '--json'], queue)).stdout).state;
    expect(await state('pause')).toBe('paused');
    expect(await state('resume')).toBe('sending');
    const busy = await env.run(['campaign', 'delete', 'steer', '--json'], queue);
    expect(busy.code).toBe(1);
    expect(json(busy.stdout).error.code).toBe('CAMPAIGN_ACTIVE');
    expect(await state('cancel')).toBe('cancelled');
    const status = await env.run(['campaign', 'status', 'steer', '--json'], queue);
    expect(status.code).toBe(3); // cancelled: nobody got it
    expect(json(status.stdout).counts).toMatchObject({ cancelled: 6, queued: 0 });
    expect((await env.run(['campaign', 'delete', 'steer'], queue)).stdout).toContain('deleted');
    const missing = await env.run(['campaign', 'status', 'steer', '--json'], queue);
    expect(missing.code).toBe(1);
    expect(json(missing.stdout).error.code).toBe('CAMPAIGN_NOT_FOUND');
    expect(await env.sentPerNumber()).toEqual(new Map());
  });

  it('reconcile lists unknown outcomes (exit 4), refuses a resend without --yes, settles them', async () => {
    // The first submit is processed, then its connection is reset: its outcome is unknown.
    await env.inspector.setFaults([{ endpoint: 'submit', type: 'reset', times: 1 }]);
    const file = await csv('lost.csv', [
      'phone',
      ...Array.from({ length: 3 }, (_, i) => phone(200 + i)),
    ]);
    const queue = queueEnv();
    await env.run(['campaign', 'enqueue', '--file', file, '--id', 'lost', '--text', 'Hi'], queue);
    const worker = startWorker(queue);
    await worker.started;
    const watch = await env.run(['campaign', 'watch', 'lost'], queue);
    expect(watch.code).toBe(4);
    expect(watch.stdout).toContain('intl-sms campaign reconcile lost');
    const listed = await env.run(['campaign', 'reconcile', 'lost'], queue);
    expect(listed.code).toBe(4);
    expect(listed.stdout).toMatch(/chunk 0: 3 number\(s\).*→ keep/);
    const unconfirmed = await env.run(
      ['campaign', 'reconcile', 'lost', '--decide', 'resend'],
      queue,
    );
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('--yes');
    const decided = await env.run(
      ['campaign', 'reconcile', 'lost', '--decide', 'sent', '--json'],
      queue,
    );
    expect(decided.code).toBe(0);
    expect(json(decided.stdout)).toMatchObject({ sent: 3, kept: 0 });
    const status = await env.run(['campaign', 'status', 'lost', '--json'], queue);
    expect(json(status.stdout)).toMatchObject({ state: 'completed', counts: { untracked: 3 } });
    expect((await worker.stop()).code).toBe(0);
  });

  it('a malformed row stops the enqueue (exit 65); the same command finishes it, other flags are refused', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => phone(300 + i));
    const broken = await csv('broken.csv', [
      'phone',
      ...rows.slice(0, 3),
      '"unclosed',
      ...rows.slice(3, 4),
    ]);
    const queue = queueEnv();
    const args = (file: string, size = '2') =>
      [
        'campaign',
        'enqueue',
        '--file',
        file,
        '--id',
        'fixed',
        '--text',
        'Hi',
        '--chunk-size',
        size,
      ] as string[];
    const first = await env.run(args(broken), queue);
    expect(first.code).toBe(65);
    expect(first.stderr).toContain('broken.csv');
    const fixed = await csv('broken.csv', ['phone', ...rows]);
    const other = await env.run([...args(fixed, '3'), '--json'], queue);
    expect(other.code).toBe(1);
    expect(json(other.stdout).error).toMatchObject({ code: 'CAMPAIGN_INPUT_MISMATCH' });
    expect(json(other.stdout).error.message).toContain('chunkSize');
    const finished = await env.run(args(fixed), queue);
    expect(finished.code).toBe(0);
    expect(finished.stdout).toContain('finished queueing: 6 recipients in 3 submit(s)');
  });

  it('without Redis: a usage error; an unreachable Redis: exit 4 at once, its password never shown', async () => {
    const none = await env.run(['campaign', 'status', 'x'], { REDIS_URL: '' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('REDIS_URL');
    const port = await freePort();
    const started = Date.now();
    const away = await env.run(['campaign', 'status', 'x', '--json'], {
      REDIS_URL: `redis://admin:s3cret@127.0.0.1:${port}`,
    });
    expect(away.code).toBe(4);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(away.stderr).toContain(`127.0.0.1:${port}`);
    expect(away.stdout + away.stderr).not.toContain('s3cret');
  });
});

describe('on a Redis Cluster', SPAWNS, () => {
  it('REDIS_CLUSTER_NODES is all the worker and the campaign commands need', async () => {
    const cluster = await startRedisCluster({ masters: 3, replicas: 0 });
    try {
      const nodes = cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',');
      const queue = { REDIS_CLUSTER_NODES: nodes, INTL_SMS_QUEUE: 'cluster-cli' };
      const file = await csv('cluster.csv', [
        'phone',
        ...Array.from({ length: 5 }, (_, i) => phone(400 + i)),
      ]);
      const enqueue = await env.run(
        ['campaign', 'enqueue', '--file', file, '--id', 'spread', '--text', 'Hi'],
        queue,
      );
      expect(enqueue.code).toBe(0);
      const worker = startWorker(queue);
      await worker.started;
      const watch = await env.run(['campaign', 'watch', 'spread', '--json'], queue);
      expect(watch.code).toBe(0);
      expect(json(watch.stdout)).toMatchObject({ state: 'completed', counts: { delivered: 5 } });
      expect((await worker.stop()).code).toBe(0);
    } finally {
      await cluster.destroy();
    }
  });
});
