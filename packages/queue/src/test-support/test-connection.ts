import { Cluster, Redis } from 'ioredis';
import { inject } from 'vitest';
import type { RedisConnection } from '../redis-connection.js';
import { testRedis } from './redis-server.js';

/** The Redis a test file runs on: one server, or (cluster project) a Redis Cluster. */
export interface TestConnection {
  /** True in the cluster project. */
  readonly cluster: boolean;
  /** A `redis://` URL of one server (in the cluster project: of one node). */
  readonly url: string;
  /** What to pass as `connection`: the URL, or an ioredis `Cluster` of the test cluster. */
  connection(): RedisConnection;
  /** A client for the test itself (reading and changing keys), closed by `close`. */
  client(): Redis | Cluster;
  close(): Promise<void>;
}

/** The cluster project's nodes, or undefined in the single-server project. */
export function clusterNodes(): { host: string; port: number }[] | undefined {
  try {
    return inject('redisCluster');
  } catch {
    return undefined;
  }
}

/** Opens the test file's Redis (see {@link TestConnection}). */
export async function testConnection(): Promise<TestConnection> {
  const nodes = clusterNodes();
  const made: (Redis | Cluster)[] = [];
  if (nodes) {
    // Never connects itself: the queue and the worker duplicate it.
    const template = new Cluster(nodes, { lazyConnect: true });
    const first = nodes[0] as { host: string; port: number };
    return {
      cluster: true,
      url: `redis://${first.host}:${first.port}`,
      connection: () => template,
      client: () => {
        const client = new Cluster(nodes);
        made.push(client);
        return client;
      },
      close: async () => {
        for (const client of made) client.disconnect();
        template.disconnect();
      },
    };
  }
  const redis = await testRedis();
  return {
    cluster: false,
    url: redis.url,
    connection: () => redis.url,
    client: () => {
      const client = new Redis(redis.url);
      made.push(client);
      return client;
    },
    close: async () => {
      for (const client of made) client.disconnect();
      await redis.close();
    },
  };
}
