import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

export const runCommand = (script: string, args: readonly string[], env: Record<string, string> = {}): Promise<CommandResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
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
