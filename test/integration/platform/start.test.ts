import { afterAll, describe, expect, it } from 'vitest';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../local/free-port.ts';
import { ROOT } from '../../../local/modules.ts';

/** `npm start` as a user runs it: health 200, demo logins printed, Ctrl-C leaves no java behind. */
const javaPids = (dataDir: string): string[] => {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLocal.jar.*${dataDir}`])
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
};

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-start-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    try {
      if (child?.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone: the test stopped it
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, answers health, refuses a taken port, and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const args = ['tsx', 'scripts/start.ts', '--port', String(port), '--data-dir', dataDir, '--skip-web-build'];
    // own process group, so the test can press Ctrl-C the way a terminal does (SIGINT to the group)
    child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));

    const deadline = Date.now() + 90_000;
    while (!out.includes('Ctrl-C') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 250));
    expect(out, out).toContain('Ctrl-C');
    expect(out).toContain(`http://localhost:${port}`);
    expect(out).toContain('clerk.lingshan');
    expect(out).toMatch(/otpauth:\/\/totp\//);

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { ok: boolean }).ok).toBe(true);
    expect(javaPids(dataDir).length).toBeGreaterThan(0);

    // a second start on the same port says so clearly
    const second = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    second.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => second.once('exit', r));
    expect(code).toBe(1);
    expect(err).toContain(`端口 ${port} 已被占用`);

    const exited = new Promise<number | null>((r) => child!.once('exit', r));
    process.kill(-child.pid!, 'SIGINT');
    await exited;
    await new Promise((r) => setTimeout(r, 500));
    expect(javaPids(dataDir)).toEqual([]);
  }, 150_000);
});
