import { describe, expect, it } from 'vitest';
import type { RedisClient } from '../redis-connection.js';
import { waitForReplica } from './replica-sync.js';

/**
 * A client whose pipeline answers `replies`: the shapes a Redis Cluster gave while it
 * was failing (the real one is in the hostile review's notes; a failing cluster cannot
 * be made to route `WAIT` elsewhere on demand).
 */
function answering(replies: [Error | null, unknown][]): RedisClient {
  const pipeline = {
    exists: () => pipeline,
    wait: () => pipeline,
    exec: async () => replies,
  };
  return { pipeline: () => pipeline } as unknown as RedisClient;
}

describe('waitForReplica', () => {
  it('confirms only when the WAIT went with its key: a failed EXISTS confirms nothing', async () => {
    const down = new Error('CLUSTERDOWN The cluster is down');
    const routed: [Error | null, unknown] = [null, 1];
    const notRouted: [Error | null, unknown] = [down, null];
    const oneReplica: [Error | null, unknown] = [null, 1];
    const noReplica: [Error | null, unknown] = [null, 0];
    await expect(waitForReplica(answering([notRouted, oneReplica]), 'k', 1)).rejects.toBe(down);
    expect(await waitForReplica(answering([routed, oneReplica]), 'k', 1)).toBe(true);
    expect(await waitForReplica(answering([routed, noReplica]), 'k', 1)).toBe(false);
  });

  it('waits for nothing without replicas', async () => {
    expect(await waitForReplica(answering([]), 'k', 0)).toBe(true);
  });
});
