import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { ROOT } from '../../../local/modules.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { intake } from '../../../shared/cases/intake.ts';
import { casePorts } from '../../../shared/app/wiring.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { DEFAULT_ROLE_SCOPES } from '../../../shared/platform/scopes.ts';
import { supervisionStore } from '../../../shared/supervision/wiring.ts';

/**
 * Time travel as the issue asks for it: `npm run invoke -- overdue-scan --now 2027-01-31T10:00:00+08:00`
 * in its own process against a running platform (here a test stack, found through its
 * runtime.json as `npm start` writes it), exits 0 after the scan, and the scan acted as if then.
 */
const item = demoItems().find((i) => i.name === '居民户口簿遗失补发')!;
const clerk: Principal = {
  userId: 'u1',
  username: 'clerk.lingshan',
  displayName: '窗口',
  officeId: '411521-lingshan',
  roles: ['window_clerk'],
  scopes: [...DEFAULT_ROLE_SCOPES.window_clerk],
  sessionId: 's',
};

const run = (args: string[]): Promise<{ code: number | null; out: string; err: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'invoke', '--', ...args], { cwd: ROOT, env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });

describe('npm run invoke -- overdue-scan --now', () => {
  let stack: TestStack;
  let dataDir: string;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    dataDir = mkdtempSync(join(tmpdir(), 'bianmin-invoke-'));
    writeFileSync(join(dataDir, 'runtime.json'), JSON.stringify({ url: stack.url, env: stack.env }));
  });
  afterAll(async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the scan as if at 2027-01-31 10:00 Beijing and exits 0', { timeout: 120_000 }, async () => {
    const k = (
      await intake(
        { ...casePorts(), clock: () => new Date('2026-12-01T10:00:00+08:00') },
        clerk,
        {
          itemCode: item.code,
          applicant: { type: 'person', name: '王小明', idNumber: '11010519491231002X', phone: '13912345678' },
          materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
          idempotencyKey: crypto.randomUUID(),
        },
        { sourceIp: '127.0.0.1', userAgent: 'vitest' },
      )
    ).case;
    expect(k.dueDate).toBe('2026-12-08');

    const r = await run(['overdue-scan', '--now', '2027-01-31T10:00:00+08:00', '--data-dir', dataDir]);
    expect(r.err).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    // the result is printed last, pretty (log lines, one JSON object each, may come before it)
    const result = JSON.parse(r.out.slice(r.out.lastIndexOf('\n{\n') + 1)) as { looked: number; red: number };
    expect(result.red).toBeGreaterThanOrEqual(1);
    const { alerts } = await supervisionStore().alerts({ side: 'county', caseId: k.id, limit: 10 });
    // the clock starts at --now and moves on from there
    expect(alerts.map((a) => [a.card, a.at.slice(0, 18)])).toEqual([['red', '2027-01-31T02:00:0']]);

    // a wrong instant is refused before anything runs
    const bad = await run(['overdue-scan', '--now', '2027-01-31 10:00', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--now 须为带时区的 ISO 时间');
  });
});
