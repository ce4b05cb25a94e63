import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTES } from '../shared/platform/routes.ts';
import { QUEUES } from '../shared/platform/queues.ts';
import { SCHEDULES } from '../shared/platform/schedules.ts';
import { handlerPath, type Trigger } from '../local/modules.ts';

export interface FunctionFigure {
  fn: string;
  kb: number;
  importMs: number;
}

export const allFunctions = (): Array<{ trigger: Trigger; name: string }> => [
  { trigger: 'authorizer', name: 'authorizer' },
  ...ROUTES.map((r) => ({ trigger: 'http' as const, name: r.name })),
  ...QUEUES.map((q) => ({ trigger: 'queues' as const, name: q.id })),
  ...SCHEDULES.map((s) => ({ trigger: 'schedules' as const, name: s.id })),
];

/**
 * Bundles each function as CDK does (ESM, minified, SDK bundled) and imports the bundle in a
 * fresh Node process: the module-import part of a cold start.
 */
export const benchFunctions = async (): Promise<FunctionFigure[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-bench-'));
  const out: FunctionFigure[] = [];
  try {
    for (const f of allFunctions()) {
      const entry = handlerPath(f.trigger, f.name);
      if (!existsSync(entry)) continue;
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        platform: 'node',
        target: 'node22',
        format: 'esm',
        write: false,
        banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
        logLevel: 'silent',
      });
      const code = result.outputFiles[0]!.contents;
      const file = join(dir, `${f.trigger}-${f.name}.mjs`);
      writeFileSync(file, code);
      const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
      const runs = [0, 1, 2].map(() =>
        Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, AWS_REGION: 'cn-north-1' } }).toString().trim()),
      );
      runs.sort((a, b) => a - b);
      out.push({ fn: `${f.trigger}/${f.name}`, kb: Math.round(code.length / 102.4) / 10, importMs: Math.round(runs[1]! * 10) / 10 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
};
