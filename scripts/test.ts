/**
 * `npm test`: typecheck (server and web), lint, the Prettier check and every vitest layer, then the log scan.
 * The checks run side by side: vitest's integration layer spends much of its time waiting on
 * DynamoDB Local and fauxqs, which leaves a core for tsc and ESLint. vitest streams its output;
 * the others print theirs when they end (whole, if they failed). Any failure fails the run.
 */
import { spawn } from 'node:child_process';

interface Check {
  name: string;
  cmd: string;
  args: string[];
  stream?: boolean;
  /** Runs at a lower CPU priority: it fills the cores vitest leaves idle while it waits on the emulators. */
  background?: boolean;
}

const CHECKS: Check[] = [
  { name: 'typecheck (server)', background: true, cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck (web)', background: true, cmd: 'npx', args: ['tsc', '-p', 'web/tsconfig.json', '--noEmit'] },
  { name: 'lint', background: true, cmd: 'npx', args: ['eslint', '.'] },
  { name: 'format', background: true, cmd: 'npx', args: ['prettier', '--check', '.'] },
  // the layer-times reporter ends vitest's output with each layer's time beside its budget
  { name: 'vitest', cmd: 'npx', args: ['vitest', 'run', '--reporter=default', '--reporter=./scripts/layer-times.ts', ...process.argv.slice(2)], stream: true },
];

const run = (c: Check): Promise<boolean> =>
  new Promise((resolve) => {
    const started = Date.now();
    // `nice` (coreutils) where there is one: the static checks never hold up vitest's critical path
    const nice = c.background === true && process.platform !== 'win32';
    const child = spawn(nice ? 'nice' : c.cmd, nice ? ['-n', '10', c.cmd, ...c.args] : c.args, { stdio: c.stream ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => out.push(b));
    child.on('close', (code) => {
      const ok = code === 0;
      const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
      if (!c.stream) {
        const text = Buffer.concat(out).toString('utf8').trim();
        if (!ok && text) console.error(`\n── ${c.name} ──\n${text}`);
      }
      console.log(`${ok ? '✓' : '✗'} ${c.name} (${took})`);
      resolve(ok);
    });
  });

const scan = (args: string[]): Promise<boolean> => run({ name: 'log scan', cmd: 'npx', args: ['tsx', 'scripts/scan-logs.ts', ...args], stream: true });

const started = Date.now();
await scan(['--clear']);
const results = await Promise.all(CHECKS.map(run));
const scanned = results.every(Boolean) ? await scan([]) : false;
console.log(`npm test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(results.every(Boolean) && scanned ? 0 : 1);
