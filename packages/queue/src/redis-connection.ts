import { Redis, type RedisOptions } from 'ioredis';

/**
 * Where Redis is: a `redis://` URL, ioredis options, or an ioredis instance (which is
 * duplicated, never closed by us). Redis must keep its data across restarts (AOF or RDB)
 * and use `maxmemory-policy noeviction`, as BullMQ requires.
 */
export type RedisConnection = string | RedisOptions | Redis;

/**
 * Opens our own ioredis client for `connection` (BullMQ shares and duplicates it).
 * Commands wait while Redis is away (`maxRetriesPerRequest: null`, as BullMQ requires),
 * so a worker that has submitted can record the outcome once Redis is back. A command
 * whose reply was lost is sent again after reconnecting, so every script of ours is safe
 * to run twice (see the claim and record scripts).
 */
export function openRedis(connection: RedisConnection): Redis {
  const options = { maxRetriesPerRequest: null };
  if (connection instanceof Redis) return connection.duplicate(options);
  if (typeof connection === 'string') return new Redis(connection, options);
  return new Redis({ ...connection, ...options });
}
