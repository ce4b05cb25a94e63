import type { BuildOptions } from 'esbuild';

/**
 * How every function is bundled, in one object: the CDK (AppFunction → NodejsFunction) and
 * `npm run bench` build with exactly these options, so the bench measures what is deployed.
 * ESM for top-level await and smaller output; the SDK bundled (the version we test is the
 * version that runs); `module` before `main` so packages' ESM builds are tree-shaken.
 * No source maps: measured in the bench, `--enable-source-maps` plus the inline map cost start-up
 * time on every cold start and error; stack traces point at minified names, which the
 * un-minified local run reproduces.
 */
export const BUNDLING = {
  format: 'esm',
  target: 'node22',
  minify: true,
  sourceMap: false,
  mainFields: ['module', 'main'],
  /** Bundle the AWS SDK too. */
  externalModules: [] as string[],
  /**
   * ESM bundles still meet CommonJS `require`, `__dirname` and `__filename` inside some packages
   * (the PDF font subsetter's Emscripten loader reads `__dirname` as it loads: without them the
   * documents, materials and archive functions failed on import).
   */
  banner:
    "import { createRequire as __bmRequire } from 'module'; import { fileURLToPath as __bmPath } from 'url'; import { dirname as __bmDir } from 'path'; " +
    'const require = __bmRequire(import.meta.url); const __filename = __bmPath(import.meta.url); const __dirname = __bmDir(__filename);',
} as const;

/** The same options for esbuild's API (what NodejsFunction passes to the esbuild CLI). */
export const esbuildOptions = (entry: string): BuildOptions => ({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: BUNDLING.format,
  target: BUNDLING.target,
  minify: BUNDLING.minify,
  sourcemap: BUNDLING.sourceMap,
  mainFields: [...BUNDLING.mainFields],
  external: [...BUNDLING.externalModules],
  banner: { js: BUNDLING.banner },
  logLevel: 'silent',
});
