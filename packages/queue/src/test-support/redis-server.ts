import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real `redis-server` child process with its own data directory. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** The process id of the running server (undefined while stopped). */
  readonly pid: number | undefined;
  /** Stops it with SIGTERM (Redis writes its append-only file first). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  /** Stops it for good and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * Starts Debian's `redis-server` on a free loopback port, with the append-only file on
 * (as a production BullMQ Redis should be), so a restart keeps the queue; `extraArgs`
 * are added (`--replicaof host port` makes it a replica).
 */
export async function startRedisServer(extraArgs: readonly string[] = []): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'intl-sms-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
    args.push('--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '');
    args.push('--maxmemory-policy', 'noeviction', '--daemonize', 'no', ...extraArgs);
    const started = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      started.stdout?.on('data', (data: Buffer) => {
        out += data.toString();
        if (out.includes('Ready to accept connections')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
      started.once('error', reject);
    });
    started.stdout?.resume();
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid;
    },
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Redis of the test run: `INTL_SMS_TEST_REDIS_URL` (as `.ci/run` sets), or one of our own. */
export async function testRedis(): Promise<{ url: string; close(): Promise<void> }> {
  const url = process.env.INTL_SMS_TEST_REDIS_URL;
  if (url) return { url, close: async () => {} };
  const server = await startRedisServer();
  return { url: server.url, close: () => server.destroy() };
}

/** A free loopback port (nothing listens on it once this resolves: connecting is refused). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
