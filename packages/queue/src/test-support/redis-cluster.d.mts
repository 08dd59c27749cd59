/** A Redis Cluster of real `redis-server` processes on loopback (see redis-cluster.mjs). */
export interface RedisCluster {
  /** Every node, for ioredis `new Cluster(nodes)`. */
  readonly nodes: readonly { readonly host: string; readonly port: number }[];
  readonly ports: readonly number[];
  /** The port of the master serving `key`'s slot, as the live node `via` sees it. */
  masterOf(key: string, via?: number): Promise<number>;
  /** Kills one node with SIGKILL, as a crash would. */
  kill(port: number): Promise<void>;
  /** Starts a killed node again on its port and data: it rejoins as a replica. */
  restart(port: number): Promise<void>;
  /** Resolves once every given node says `cluster_state:ok` (after a failover). */
  healthy(alive?: readonly number[]): Promise<void>;
  /** Kills every node and deletes their data. */
  destroy(): Promise<void>;
}

/** Starts a cluster: `masters` masters with `replicas` replicas each (default 3 and 1). */
export function startRedisCluster(options?: {
  readonly masters?: number;
  readonly replicas?: number;
  readonly nodeTimeoutMs?: number;
}): Promise<RedisCluster>;
