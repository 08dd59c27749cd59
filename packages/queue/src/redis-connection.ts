import { Redis, type RedisOptions } from 'ioredis';

/**
 * Where Redis is: a `redis://` URL, ioredis options, or an ioredis instance (which is
 * duplicated, never closed by us). Redis must keep its data across restarts (AOF or RDB)
 * and use `maxmemory-policy noeviction`, as BullMQ requires.
 */
export type RedisConnection = string | RedisOptions | Redis;

/**
 * Opens our own ioredis client for `connection`. Commands wait while Redis is away
 * (`maxRetriesPerRequest: null`): a worker that has submitted must be able to record
 * the outcome once Redis is back, rather than lose it.
 */
export function openRedis(connection: RedisConnection): Redis {
  if (connection instanceof Redis) return connection.duplicate({ maxRetriesPerRequest: null });
  if (typeof connection === 'string') return new Redis(connection, { maxRetriesPerRequest: null });
  return new Redis({ ...connection, maxRetriesPerRequest: null });
}
