import { ValidationError } from '@intl-sms/core';
import { Cluster, type ClusterNode, Redis, type RedisOptions } from 'ioredis';

/**
 * Where Redis is: a `redis://` URL, ioredis options, an ioredis instance, or an ioredis
 * `Cluster` (instances are duplicated, never closed by us). Redis must keep its data
 * across restarts (AOF or RDB) and use `maxmemory-policy noeviction`, as BullMQ requires.
 * On a `Cluster` the queue puts all of its keys in one hash slot by itself (see
 * `QueueLocation.prefix`).
 */
export type RedisConnection = string | RedisOptions | Redis | Cluster;

/** A client of ours: one Redis, or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/** Options that say where Redis is; an options object without any of them is refused. */
const LOCATION_KEYS = ['host', 'port', 'path', 'sentinels'] as const;

/**
 * Refuses a missing or empty `connection` with a `ValidationError` naming `connection`.
 * ioredis would otherwise fall back to 127.0.0.1:6379 without a word, so a deploy that
 * forgot `REDIS_URL` would retry a Redis that is not there, forever. The message never
 * repeats the value: a URL may carry a password.
 */
export function checkConnection(connection: unknown): asserts connection is RedisConnection {
  if (connection instanceof Redis || connection instanceof Cluster) return;
  if (typeof connection === 'string') {
    if (connection.trim() !== '') return;
    throw new ValidationError('connection', 'connection is an empty string: give a redis:// URL');
  }
  if (typeof connection === 'object' && connection !== null && !Array.isArray(connection)) {
    const options = connection as Record<string, unknown>;
    if (LOCATION_KEYS.some((key) => options[key] !== undefined && options[key] !== '')) return;
    throw new ValidationError(
      'connection',
      `connection options name no Redis: give at least one of ${LOCATION_KEYS.join(', ')}, or an ioredis Cluster`,
    );
  }
  throw new ValidationError(
    'connection',
    `connection is required (a redis:// URL, ioredis options, an ioredis instance or Cluster), got ${
      connection === undefined ? 'undefined' : connection === null ? 'null' : typeof connection
    }; there is no default, so a missing REDIS_URL cannot go unnoticed`,
  );
}

/** Whether a connection is a Redis Cluster (then every key of a queue needs one hash tag). */
export function isCluster(connection: RedisConnection): connection is Cluster {
  return connection instanceof Cluster;
}

/**
 * Opens our own ioredis client for `connection` (BullMQ shares and duplicates it).
 * Commands wait while Redis is away (`maxRetriesPerRequest: null`, as BullMQ requires),
 * so a worker that has submitted can record the outcome once Redis is back. A command
 * whose reply was lost is sent again after reconnecting, so every script of ours is safe
 * to run twice (see the claim and record scripts).
 */
export function openRedis(connection: RedisConnection): RedisClient {
  // disconnectTimeout: how long ioredis waits, after ending a socket, before destroying
  // it. A socket of an attempt that never connected never reports closing, so the wait
  // runs to the end and holds a closing process for that long (default 2 s).
  const options = { maxRetriesPerRequest: null, disconnectTimeout: 200 };
  if (connection instanceof Cluster) {
    // A Cluster takes the per-node options under `redisOptions`; BullMQ refuses a
    // Cluster whose nodes would give up on a command (`maxRetriesPerRequest`).
    const redisOptions = { ...connection.options.redisOptions, ...options };
    // No ready check (`CLUSTER INFO` before `ready`): during a failover it fails, and then
    // ioredis reconnects by itself while the promise of the `connect()` that ran the
    // check never settles. BullMQ awaits that promise when it resets a worker's blocking
    // connection, so the worker waited for ever (seen in the master-failover test: both
    // receipt workers parked, their delayed polls overdue, the cluster healthy again).
    // Without it, a command sent while the cluster is still failing gets CLUSTERDOWN,
    // which ioredis retries and our writes retry (see `persist`).
    return connection.duplicate([], { redisOptions, enableReadyCheck: false });
  }
  if (connection instanceof Redis) return connection.duplicate(options);
  if (typeof connection === 'string') return new Redis(connection, options);
  return new Redis({ ...connection, ...options });
}

/**
 * Where a client connects, for messages: host and port (or socket path) — for a
 * Cluster, its startup nodes — never credentials.
 */
export function redisAddress(redis: RedisClient): string {
  if (redis instanceof Cluster) {
    // ioredis keeps the startup nodes private; they are what the user gave.
    const startup = (redis as unknown as { startupNodes: ClusterNode[] }).startupNodes;
    const nodes = startup.map((node) =>
      typeof node === 'string' || typeof node === 'number'
        ? String(node).replace(/^.*@/, '')
        : `${node.host ?? '127.0.0.1'}:${node.port ?? 6379}`,
    );
    return `cluster ${nodes.join(', ')}`;
  }
  const { host, port, path } = redis.options;
  return path ? path : `${host ?? '127.0.0.1'}:${port ?? 6379}`;
}
