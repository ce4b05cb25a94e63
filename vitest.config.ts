import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Test layers: unit (pure, in-memory ports), integration (the real local gateway, handlers and
 * authorizer against DynamoDB Local + fauxqs, started once per run; each file gets its own
 * tables), infra (CDK assertions with bundling skipped). Browser tests have their own config.
 */
export default defineConfig({
  // the web's alias for shared/ (web/vite.config.ts), for tests that import web modules
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    setupFiles: ['test/support/capture-logs.ts'],
    // integration files spend most of their time waiting on DynamoDB Local and fauxqs: three
    // workers on two cores keep both busy (vitest: 360 s → 246 s here)
    maxWorkers: 3,
    projects: [
      // unit files are pure (in-memory ports, no process-wide state): one module graph per worker, 35 s → 11 s
      { extends: true, test: { name: 'unit', isolate: false, include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'integration',
          // one module graph per worker, as for unit: each file's stack re-points process.env at its
          // own county, and everything built from the last one is built again (perContainer)
          isolate: false,
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // one module graph for every infra file: aws-cdk-lib is imported once and a county's synthesis is shared
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], isolate: false, testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
