import { defineConfig } from 'vitest/config';

// Several tests spawn real processes (CLIs, servers); on a loaded 2-core CI machine one
// spawn can take seconds, so the per-test limit is generous. Timing assertions inside
// the tests stay as tight as they are.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 30_000, setupFiles: ['./vitest.setup.ts'] },
});
