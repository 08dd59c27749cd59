import type { TestProject } from 'vitest/node';
import { type RedisCluster, startRedisCluster } from './redis-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The nodes of the Redis Cluster the cluster project runs on (3 masters, 3 replicas). */
    redisCluster: { host: string; port: number }[];
  }
}

let cluster: RedisCluster | undefined;

/**
 * Vitest global setup of the cluster project: a real Redis Cluster of 3 masters with a
 * replica each on free loopback ports, for every test file of the project; torn down
 * (processes killed, data deleted) when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  cluster = await startRedisCluster({ masters: 3, replicas: 1, nodeTimeoutMs: 1_000 });
  project.provide('redisCluster', [...cluster.nodes]);
  return async () => {
    await cluster?.destroy();
  };
}
