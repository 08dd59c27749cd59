import { defineConfig } from 'vitest/config';

// A real browser and a real server per suite: generous limits on a loaded 2-core machine.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 300_000, globalSetup: ['./src/install-chromium.ts'] },
});
