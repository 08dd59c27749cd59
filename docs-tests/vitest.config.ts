import { defineConfig } from 'vitest/config';

// The global setup packs and npm-installs the workspace (a minute or more on a loaded
// 2-core machine); each block may run for 90 s before it counts as hung.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The queue's own setup installs Debian's redis-server when it is missing (as root),
    // for runs without INTL_SMS_TEST_REDIS_URL.
    globalSetup: ['../packages/queue/src/test-support/install-redis.ts', './src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
