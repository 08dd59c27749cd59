// A real Redis Cluster on loopback for the cluster tests and the benchmark: Debian's
// `redis-server` in cluster mode, `masters` masters with `replicas` replicas each, put
// together with `redis-cli --cluster create`. Plain JavaScript (with redis-cluster.d.mts)
// so the benchmark, which is not TypeScript, starts it the same way as the tests.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether a loopback port can be listened on right now. */
function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port whose cluster bus port (port + 10,000) is free too. Ephemeral ports (from
 * listening on 0) would put the bus port above 65,535, so ports come from 20,000–29,999.
 */
async function clusterPort(taken) {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (taken.has(port)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) {
      taken.add(port);
      return port;
    }
  }
}

async function cli(port, ...args) {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args]);
  return stdout;
}

async function until(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Redis Cluster: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startNode(port, dir, nodeTimeoutMs) {
  const nodeDir = join(dir, String(port));
  mkdirSync(nodeDir, { recursive: true });
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', nodeDir];
  args.push('--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf');
  args.push('--cluster-node-timeout', String(nodeTimeoutMs));
  args.push('--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '');
  args.push('--maxmemory-policy', 'noeviction', '--daemonize', 'no');
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (data) => {
      out += data;
      if (out.includes('Ready to accept connections')) {
        child.stdout.resume();
        resolve();
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`redis-server ${port} exited (${code}): ${out}`)),
    );
    child.once('error', reject);
  });
  return { child, ready };
}

/**
 * Starts a cluster and resolves once every slot is served (`cluster_state:ok` on every
 * node) and every replica is in sync with its master.
 */
export async function startRedisCluster({ masters = 3, replicas = 1, nodeTimeoutMs = 1_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'intl-sms-cluster-'));
  const taken = new Set();
  const ports = [];
  for (let i = 0; i < masters * (1 + replicas); i++) ports.push(await clusterPort(taken));
  const nodes = new Map();
  const destroy = async () => {
    await Promise.all(
      [...nodes.values()].map(
        ({ child }) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', resolve);
            child.kill('SIGKILL');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) nodes.set(port, startNode(port, dir, nodeTimeoutMs));
    await Promise.all([...nodes.values()].map((node) => node.ready));
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    await run('redis-cli', [
      '--cluster',
      'create',
      ...addresses,
      '--cluster-replicas',
      String(replicas),
      '--cluster-yes',
    ]);
    for (const port of ports)
      await until(`cluster_state:ok on ${port}`, async () =>
        (await cli(port, 'cluster', 'info')).includes('cluster_state:ok'),
      );
    await until('replicas in sync', () => replicasInSync(ports));
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    nodes: ports.map((port) => ({ host: '127.0.0.1', port })),
    ports,
    /** The port of the master serving `key`'s slot, as a live node (`via`) sees the cluster. */
    async masterOf(key, via = ports[0]) {
      const slot = Number((await cli(via, 'cluster', 'keyslot', key)).trim());
      // CLUSTER NODES: "<id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slots…>".
      for (const line of (await cli(via, 'cluster', 'nodes')).split('\n')) {
        const [, address, flags, , , , , link, ...slots] = line.trim().split(' ');
        if (!address || !flags?.split(',').includes('master') || flags.includes('fail')) continue;
        if (link !== 'connected') continue;
        const owns = slots.some((range) => {
          const [from, to = from] = range.split('-').map(Number);
          return slot >= from && slot <= to;
        });
        if (owns) return Number(address.split('@')[0].split(':')[1]);
      }
      throw new Error(`no master serves slot ${slot}`);
    },
    /** Kills one node with SIGKILL, as a crash would. */
    async kill(port) {
      const node = nodes.get(port);
      if (!node) throw new Error(`no node on ${port}`);
      await new Promise((resolve) => {
        node.child.once('exit', resolve);
        node.child.kill('SIGKILL');
      });
    },
    /** Starts a killed node again on its port and data: it rejoins as a replica. */
    async restart(port) {
      const node = startNode(port, dir, nodeTimeoutMs);
      nodes.set(port, node);
      await node.ready;
      await until('the restarted node in sync', () => replicasInSync(ports));
    },
    /** Resolves once every slot is served again (after a failover). */
    async healthy(alive = ports) {
      for (const port of alive)
        await until(`cluster_state:ok on ${port}`, async () =>
          (await cli(port, 'cluster', 'info')).includes('cluster_state:ok'),
        );
    },
    destroy,
  };
}

async function replicasInSync(ports) {
  for (const port of ports) {
    const info = await cli(port, 'info', 'replication');
    if (info.includes('role:slave') && !info.includes('master_link_status:up')) return false;
  }
  return true;
}
