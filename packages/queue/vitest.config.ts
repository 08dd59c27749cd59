import { defineConfig } from 'vitest/config';

/**
 * The campaign suite runs twice: on one Redis server, and on a real Redis Cluster (3
 * masters with a replica each, started by the cluster project's global setup), where the
 * master failover test runs too.
 */
const CAMPAIGN_SUITE = [
  'src/sms-queue.integration.test.ts',
  'src/campaign-control.integration.test.ts',
  'src/reconcile.integration.test.ts',
  'src/graceful-shutdown.integration.test.ts',
  'src/races.integration.test.ts',
  'src/retention.integration.test.ts',
  'src/cost-control.integration.test.ts',
];

// Real Redis, a real mock server and worker child processes: on a loaded 2-core CI
// machine a campaign of 100,000 recipients takes a while, so the limits are generous.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    // One file at a time: the multi-process file alone keeps both cores busy.
    fileParallelism: false,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'redis',
          exclude: ['**/node_modules/**', 'src/**/*.cluster.test.ts'],
          globalSetup: ['./src/test-support/install-redis.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'redis-cluster',
          include: [...CAMPAIGN_SUITE, 'src/**/*.cluster.test.ts'],
          globalSetup: [
            './src/test-support/install-redis.ts',
            './src/test-support/cluster-setup.ts',
          ],
        },
      },
    ],
  },
});
