import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { startRedisCluster } from '../packages/queue/src/test-support/redis-cluster.mjs';

/**
 * The Redis for the queue benchmarks: `INTL_SMS_TEST_REDIS_URL` when set (CI starts one)
 * unless `own` asks for a fresh server (the memory benchmark reads `INFO memory`),
 * otherwise Debian's `redis-server` on a free loopback port, stopped by `stop()`.
 */
export async function benchRedis({ own = false } = {}) {
  const url = process.env.INTL_SMS_TEST_REDIS_URL;
  if (url && !own) return { url, stop: async () => {} };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  const child = spawn('redis-server', [...args, '--appendonly', 'yes'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (data) => {
      out += data;
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited ${code}`)));
  });
  child.stdout.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A Redis Cluster for the benchmark: 3 masters with a replica each (as in production, so
 * the worker waits for a replica to hold each claim), started by the same helper as the
 * cluster tests. Its `url` is `cluster:host:port,…`, which {@link redisConnection} reads.
 */
export async function benchCluster() {
  const cluster = await startRedisCluster({ masters: 3, replicas: 1 });
  const url = `cluster:${cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
  return { url, stop: () => cluster.destroy() };
}

/** A `connection` for the queue from a bench Redis `url` (see {@link benchCluster}). */
export function redisConnection(url) {
  if (!url.startsWith('cluster:')) return { connection: url, close: () => {} };
  const nodes = url
    .slice('cluster:'.length)
    .split(',')
    .map((node) => ({ host: node.split(':')[0], port: Number(node.split(':')[1]) }));
  const cluster = new Cluster(nodes, { lazyConnect: true });
  return { connection: cluster, close: () => cluster.disconnect() };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
