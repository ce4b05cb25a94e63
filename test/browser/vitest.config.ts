import { defineConfig } from 'vitest/config';

/**
 * Browser tests: Debian's Chromium driven by playwright-core against the built web front and the
 * real local gateway + handlers on the emulators (started once per run, like integration tests).
 */
export default defineConfig({
  test: {
    name: 'browser',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/capture-logs.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // one Chromium at a time on a 2-core machine
    fileParallelism: false,
  },
});
