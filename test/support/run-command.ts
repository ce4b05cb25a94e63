import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { esbuildOptions } from '../../infra/constructs/bundling.ts';
import { ROOT } from '../../local/modules.ts';

/**
 * Runs an operations command (scripts/<name>.ts) as the operator would, in its own process, with
 * `--local` pointed at a test stack through a runtime file like the one `npm start` writes.
 */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const runtimeFileFor = (stack: { url: string; env: Record<string, string> }): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'bianmin-runtime-')), 'runtime.json');
  writeFileSync(file, JSON.stringify({ url: stack.url, env: stack.env }));
  return file;
};

/**
 * Each command bundled once per test process (esbuild, the functions' options), then run as plain
 * Node: loading the TypeScript graph through tsx cost each run ~1.5 s of CPU, a bundle ~0.3 s.
 * Every module of the repository keeps its own `import.meta.url` (the paths it derives from its
 * location: ROOT, infra/counties/), and the bundle sits inside the repository so packages resolve.
 */
const ownLocation: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (path.includes('node_modules')) return undefined;
      const text = await readFile(path, 'utf8');
      return text.includes('import.meta.url')
        ? { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)), loader: 'ts' }
        : undefined;
    });
  },
};
const bundles = new Map<string, Promise<string>>();
const bundled = (script: string): Promise<string> => {
  let file = bundles.get(script);
  if (!file) {
    const out = join(ROOT, '.build', `command-${process.pid}-${script.replace(/\.ts$/, '')}.mjs`);
    mkdirSync(join(ROOT, '.build'), { recursive: true });
    // no chunk names defined: a command runs beside the sources, so the PDF drawer and pinyin-pro load
    // from the repository, not from files a function's deploy puts beside its bundle
    file = build({ ...esbuildOptions(join(ROOT, 'scripts', script)), define: {}, minify: false, plugins: [ownLocation], outfile: out }).then(() => out);
    bundles.set(script, file);
    process.once('exit', () => rmSync(out, { force: true }));
  }
  return file;
};

export const runCommand = async (script: string, args: readonly string[], env: Record<string, string> = {}): Promise<CommandResult> => {
  const file = await bundled(script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, POWERTOOLS_LOG_LEVEL: 'WARN' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
};
