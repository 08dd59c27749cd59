import type { Cluster, Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type QueueFixture, startQueueFixture } from './queue-fixture.js';

/** The file's fixture and a Redis client of the test's own (set once `beforeAll` ran). */
export interface FixtureHandle {
  readonly fx: QueueFixture;
  readonly redis: Redis | Cluster;
}

/**
 * Registers the usual hooks of a campaign test file: the fixture (Redis, mock, queues and
 * workers) before all tests, faults and messages cleared after each, everything closed
 * after all. Read `fx` and `redis` inside tests.
 */
export function useQueueFixture(): FixtureHandle {
  let fx: QueueFixture | undefined;
  let redis: Redis | Cluster | undefined;
  beforeAll(async () => {
    fx = await startQueueFixture();
    redis = fx.client();
  });
  afterEach(async () => {
    await fx?.control.faults([]);
    await fx?.control.clearMessages();
  });
  afterAll(async () => {
    await fx?.close();
  });
  return {
    get fx() {
      if (!fx) throw new Error('the queue fixture is not started yet (use it inside a test)');
      return fx;
    },
    get redis() {
      if (!redis) throw new Error('the queue fixture is not started yet (use it inside a test)');
      return redis;
    },
  };
}
