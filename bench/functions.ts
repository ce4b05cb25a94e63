import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROUTES } from '../shared/platform/routes.ts';
import { QUEUES } from '../shared/platform/queues.ts';
import { SCHEDULES } from '../shared/platform/schedules.ts';
import { HTTP_FUNCTIONS, STREAM_USES } from '../shared/platform/functions.ts';
import { esbuildOptions } from '../infra/constructs/bundling.ts';
import { TARGETS } from './results.ts';
import { writeFunctionEntry } from '../infra/constructs/function-entries.ts';
import { ROOT } from '../local/modules.ts';

export interface FunctionFigure {
  fn: string;
  kind: 'http' | 'other';
  kb: number;
  importMs: number;
  /** SDK clients found in the bundle. */
  sdk: string;
  /** Largest packages in the bundle (KB of output). */
  heaviest: string;
}

/** The functions the CDK stack deploys, with the entry each bundles (generated entries for HTTP). */
export const deployedFunctions = (): Array<{ fn: string; kind: 'http' | 'other'; entry: string }> => [
  ...HTTP_FUNCTIONS.map((def) => ({
    fn: `http/${def.id}`,
    kind: 'http' as const,
    entry: writeFunctionEntry(
      ROOT,
      def.id,
      ROUTES.filter((r) => r.fn === def.id),
    ),
  })),
  { fn: 'authorizer', kind: 'other' as const, entry: join(ROOT, 'functions/authorizer/authorizer.ts') },
  ...QUEUES.map((q) => ({ fn: `queues/${q.id}`, kind: 'other' as const, entry: join(ROOT, `functions/queues/${q.id}.ts`) })),
  ...SCHEDULES.map((s) => ({ fn: `schedules/${s.id}`, kind: 'other' as const, entry: join(ROOT, `functions/schedules/${s.id}.ts`) })),
  ...Object.keys(STREAM_USES).map((id) => ({ fn: `streams/${id}`, kind: 'other' as const, entry: join(ROOT, `functions/streams/${id}.ts`) })),
];

const packageOf = (input: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? m[1]! : 'bianmin';
};

const heaviest = (meta: Metafile): string => {
  const out = Object.values(meta.outputs)[0]!;
  const byPkg = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) byPkg.set(packageOf(input), (byPkg.get(packageOf(input)) ?? 0) + bytesInOutput);
  return [...byPkg.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([p, b]) => `${p} ${Math.round(b / 1024)}`)
    .join(', ');
};

const sdkClients = (meta: Metafile): string =>
  [
    ...new Set(
      Object.keys(Object.values(meta.outputs)[0]!.inputs)
        .map((i) => /@aws-sdk\/client-([a-z0-9-]+)\//.exec(i)?.[1])
        .filter(Boolean),
    ),
  ]
    .sort()
    .join(' ');

/** Median of 3 cold imports of a bundle, each in a fresh Node process (the module-import part of a cold start). */
export const importMs = (file: string, env: Record<string, string | undefined> = process.env, nodeArgs: string[] = []): number => {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const runs = [0, 1, 2].map(() =>
    Number(
      execFileSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { env: { ...env, AWS_REGION: 'cn-north-1' } })
        .toString()
        .trim(),
    ),
  );
  runs.sort((a, b) => a - b);
  return Math.round(runs[1]! * 10) / 10;
};

/**
 * "init + first request": a fresh Node process imports the bundle and serves one event against
 * the emulators (the environment given); prints import ms and first-request ms.
 */
export const firstRequest = (file: string, event: unknown, env: Record<string, string | undefined>): { initMs: number; firstMs: number; status: number } => {
  const script = [
    `const t0=performance.now();const m=await import(${JSON.stringify(file)});const t1=performance.now();`,
    `const r=await m.handler(${JSON.stringify(event)},{awsRequestId:'bench',functionName:'bench',getRemainingTimeInMillis:()=>29000});`,
    `console.log(JSON.stringify({initMs:t1-t0,firstMs:performance.now()-t1,status:r.statusCode}));process.exit(0)`,
  ].join('');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...env, POWERTOOLS_LOG_LEVEL: 'ERROR' } })
    .toString()
    .trim()
    .split('\n')
    .pop()!;
  const r = JSON.parse(out) as { initMs: number; firstMs: number; status: number };
  return { initMs: Math.round(r.initMs), firstMs: Math.round(r.firstMs), status: r.status };
};

/** Bundles every deployed function with the CDK's options (infra/constructs/bundling.ts) into `dir`. */
export const bundleAll = async (dir: string): Promise<Array<{ fn: string; kind: 'http' | 'other'; file: string; bytes: number; meta: Metafile }>> => {
  const out = [];
  for (const f of deployedFunctions()) {
    const result = await build({ ...esbuildOptions(f.entry), write: false, metafile: true });
    const code = result.outputFiles[0]!.contents;
    const file = join(dir, `${f.fn.replace('/', '-')}.mjs`);
    writeFileSync(file, code);
    out.push({ fn: f.fn, kind: f.kind, file, bytes: code.length, meta: result.metafile });
  }
  return out;
};

/** Bundle size, SDK clients and import time of every deployed function. */
export const benchFunctions = async (
  dir = mkdtempSync(join(tmpdir(), 'bianmin-bench-')),
): Promise<{ figures: FunctionFigure[]; dir: string; sourceMapCost?: string }> => {
  const bundles = await bundleAll(dir);
  const figures = bundles.map((b) => ({
    fn: b.fn,
    kind: b.kind,
    kb: Math.round(b.bytes / 102.4) / 10,
    importMs: importMs(b.file),
    sdk: sdkClients(b.meta),
    heaviest: heaviest(b.meta),
  }));
  // what --enable-source-maps with an inline map would add to the largest HTTP function's import
  const largest = bundles.filter((b) => b.kind === 'http').sort((a, b) => b.bytes - a.bytes)[0];
  let sourceMapCost: string | undefined;
  if (largest) {
    const entry = deployedFunctions().find((f) => f.fn === largest.fn)!.entry;
    const r = await build({ ...esbuildOptions(entry), sourcemap: 'inline', write: false });
    const file = join(dir, 'with-source-map.mjs');
    writeFileSync(file, r.outputFiles[0]!.contents);
    const without = importMs(largest.file);
    const withMaps = importMs(file, process.env, ['--enable-source-maps']);
    sourceMapCost = `${largest.fn}: ${without} ms without, ${withMaps} ms with --enable-source-maps and a map (${Math.round(r.outputFiles[0]!.contents.length / 1024)} KB)`;
  }
  return { figures, dir, ...(sourceMapCost ? { sourceMapCost } : {}) };
};

export const cleanBundles = (dir: string): void => rmSync(dir, { recursive: true, force: true });
export const rel = (p: string): string => relative(ROOT, p);

/**
 * What stands under the bundle and import targets (≤ 250 KB, ≤ 50 ms), measured rather than argued:
 * a function of nothing but the DynamoDB document client and zod (what every function here
 * needs), and the cases function with the SDK left to the Lambda runtime (smaller bundle, but the
 * runtime's SDK is loaded from disk at init all the same).
 */
export const importFloor = async (): Promise<Array<{ what: string; kb: number; importMs: number }>> => {
  // under node_modules, so a bundle that leaves the SDK out still resolves it the way Lambda's runtime would
  const dir = mkdtempSync(join(ROOT, 'node_modules', '.bench-'));
  try {
    const floor = await build({
      ...esbuildOptions(''),
      entryPoints: undefined,
      stdin: {
        contents: [
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
          "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
          "import * as z from 'zod';",
          'const input = z.object({ id: z.string().min(1) });',
          'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
          "export const handler = async (e) => db.send(new GetCommand({ TableName: 't', Key: { pk: input.parse(e).id } }));",
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      write: false,
    });
    const floorFile = join(dir, 'floor.mjs');
    writeFileSync(floorFile, floor.outputFiles[0]!.contents);
    const cases = deployedFunctions().find((f) => f.fn === 'http/cases')!;
    const external = await build({ ...esbuildOptions(cases.entry), external: ['@aws-sdk/*', '@smithy/*'], write: false });
    const externalFile = join(dir, 'cases-runtime-sdk.mjs');
    writeFileSync(externalFile, external.outputFiles[0]!.contents);
    const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
    return [
      {
        what: 'DynamoDB document client + zod, nothing else (the floor of every function)',
        kb: kb(floor.outputFiles[0]!.contents.length),
        importMs: importMs(floorFile),
      },
      { what: "http/cases with the SDK left to the Lambda runtime's copy", kb: kb(external.outputFiles[0]!.contents.length), importMs: importMs(externalFile) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The PDF drawer's own file (deployed beside the PDF renderers' bundles, loaded on the first PDF): its size and import. */
export const pdfChunk = async (dir: string): Promise<{ kb: number; importMs: number }> => {
  const r = await build({ ...esbuildOptions(join(ROOT, 'shared/documents/pdf-draw.ts')), write: false });
  const file = join(dir, 'pdf-draw.mjs');
  writeFileSync(file, r.outputFiles[0]!.contents);
  return { kb: Math.round(r.outputFiles[0]!.contents.length / 102.4) / 10, importMs: importMs(file) };
};

// `npx tsx bench/functions.ts`: the functions' figures alone (npm run bench prints them with the rest)
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { figures, dir } = await benchFunctions();
  console.table(
    figures
      .sort((a, b) => b.importMs - a.importMs)
      .map((f) => ({ function: f.fn, 'bundle KB': f.kb, 'import ms': f.importMs, 'largest packages (KB)': f.heaviest })),
  );
  const chunk = await pdfChunk(dir);
  console.log(`PDF drawer (its own file beside the PDF renderers' bundles, loaded on the first PDF): ${chunk.kb} KB, import ${chunk.importMs} ms`);
  const http = figures.filter((f) => f.kind === 'http');
  console.log(`bundle_kb_max_http ${Math.max(...http.map((f) => f.kb))} (${TARGETS.bundle_kb_max_http.text})`);
  console.log(`import_ms_max_http ${Math.max(...http.map((f) => f.importMs))} (${TARGETS.import_ms_max_http.text})`);
  cleanBundles(dir);
}
