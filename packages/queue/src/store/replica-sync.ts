import type { RedisClient } from '../redis-connection.js';

/** How long a write may take to reach a replica before it counts as not held by one. */
export const REPLICA_WAIT_MS = 2_000;

/**
 * Waits until a replica holds every write this client made so far, on the node that
 * holds `routeKey` (`WAIT` is not allowed in scripts, and on a Cluster a pipeline goes
 * to the node of its keys, so `EXISTS routeKey` takes the `WAIT` there). Redis
 * replicates asynchronously: when a master dies, the replica that takes over may lack
 * its last writes. For a claim that would be a chunk back in `queued` after its submit
 * left — sent twice. Resolves true when a replica acknowledged in time, false when none
 * did; with no replica (`replicas` 0) there is nothing to wait for.
 */
export async function waitForReplica(
  redis: RedisClient,
  routeKey: string,
  replicas: number,
): Promise<boolean> {
  if (replicas <= 0) return true;
  const replies = (await redis.pipeline().exists(routeKey).wait(1, REPLICA_WAIT_MS).exec()) ?? [];
  // A failed `EXISTS` (CLUSTERDOWN, a redirection) means the `WAIT` beside it may have
  // been answered by a node that does not hold `routeKey`: its count confirms nothing.
  const [routeError] = replies[0] ?? [new Error('no reply to EXISTS')];
  if (routeError) throw routeError;
  const [error, acknowledged] = replies[1] ?? [new Error('no reply to WAIT')];
  if (error) throw error;
  return Number(acknowledged) >= 1;
}
