import { defineConfig } from 'vitest/config';

// Real Redis, a real mock server and worker child processes: on a loaded 2-core CI
// machine a campaign of 100,000 recipients takes a while, so the limits are generous.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    // One file at a time: the multi-process file alone keeps both cores busy.
    fileParallelism: false,
    hookTimeout: 120_000,
    globalSetup: ['./src/test-support/install-redis.ts'],
  },
});
