import type { BuildOptions } from 'esbuild';
import { PDF_ASSETS } from '../../shared/platform/functions.ts';

/** The PDF drawer's file beside the bundle of a function that draws PDFs (shared/documents/pdf.ts loads it on the first PDF). */
export const PDF_CHUNK = 'pdf-draw.mjs';
/** pinyin-pro's file beside the bundle of a function that computes pinyin (shared/catalog/pinyin.ts requires it on the first pinyin). */
export const PINYIN_CHUNK = 'pinyin-pro.cjs';

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
  /**
   * Where the PDF drawer is: a file of its own beside the bundle, so no bundle carries pdf-lib and
   * fontkit (~1.3 MB) that a cold start would parse whether or not it draws (shared/documents/pdf.ts).
   */
  define: {
    'process.env.BIANMIN_PDF_CHUNK': JSON.stringify(PDF_CHUNK),
    // the same for pinyin-pro (~450 KB of dictionary), which only a save or an import needs
    'process.env.BIANMIN_PINYIN_CHUNK': JSON.stringify(PINYIN_CHUNK),
  } as Record<string, string>,
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
  define: { ...BUNDLING.define },
  logLevel: 'silent',
});

/**
 * What a function that draws PDFs gets beside its bundle, as shell commands (the CDK's afterBundling
 * hook runs them; test/infra/pdf-bundles.test.ts runs the same): the PDF drawer bundled on its own
 * with the options above, and the font and wasm it reads from disk where `require.resolve` looks
 * (<bundle>/node_modules/…).
 */
export const pdfBundleCommands = (inputDir: string, outputDir: string): string[] => [
  [
    `"${inputDir}/node_modules/.bin/esbuild"`,
    `"${inputDir}/shared/documents/pdf-draw.ts"`,
    '--bundle',
    '--platform=node',
    `--format=${BUNDLING.format}`,
    `--target=${BUNDLING.target}`,
    ...(BUNDLING.minify ? ['--minify'] : []),
    `--main-fields=${BUNDLING.mainFields.join(',')}`,
    `"--banner:js=${BUNDLING.banner}"`,
    `--outfile="${outputDir}/${PDF_CHUNK}"`,
    '--log-level=warning',
  ].join(' '),
  ...PDF_ASSETS.flatMap((a) => [
    `mkdir -p "${outputDir}/node_modules/${a.slice(0, a.lastIndexOf('/'))}"`,
    `cp "${inputDir}/node_modules/${a}" "${outputDir}/node_modules/${a}"`,
  ]),
];

/**
 * pinyin-pro as a CommonJS file beside the bundle, as a shell command every function's afterBundling
 * hook runs (test/infra/pinyin-bundles.test.ts runs the same): only a bundle that names the file
 * (it holds shared/catalog/pinyin.ts) gets it, so no list of the functions that compute pinyin to keep.
 */
export const pinyinBundleCommands = (inputDir: string, outputDir: string): string[] => [
  [
    `if grep -q "${PINYIN_CHUNK}" "${outputDir}/index.mjs"; then`,
    `"${inputDir}/node_modules/.bin/esbuild"`,
    `"${inputDir}/node_modules/pinyin-pro/dist/index.js"`,
    '--bundle',
    '--platform=node',
    '--format=cjs',
    `--target=${BUNDLING.target}`,
    ...(BUNDLING.minify ? ['--minify'] : []),
    `--outfile="${outputDir}/${PINYIN_CHUNK}"`,
    '--log-level=warning;',
    'fi',
  ].join(' '),
];
