import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { browseAudit, MAX_ROWS } from '../../../shared/audit/browse.ts';
import { exportAudit } from '../../../shared/audit/export.ts';
import { memoryAuditReader } from '../../../shared/audit/memory-audit-reader.ts';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { staticOfficeNames } from '../../../shared/offices/memory-names.ts';

const supervisor: Principal = {
  userId: 'u-sup',
  username: 'supervisor',
  displayName: '监察室',
  officeId: '411521-center',
  roles: ['supervisor'],
  scopes: ['session', 'audit.read'],
  sessionId: 's1',
};
const clerk = { userId: 'u-clerk', username: 'clerk.lingshan', officeId: '411521-lingshan', displayName: '李灵山' };
const meta = { sourceIp: '10.0.0.9', userAgent: 'vitest' };
const ev = (over: Partial<AuditInput> = {}): AuditInput => ({
  actor: clerk,
  action: 'case.start',
  target: { type: 'case', id: 'c1' },
  result: 'success',
  sourceIp: '10.0.0.1',
  userAgent: 'ua',
  ...over,
});

const setup = (now = '2026-11-20T02:00:00Z') => {
  const reader = memoryAuditReader();
  const written: AuditInput[] = [];
  const ports = {
    reader,
    clock: () => new Date(now),
    writeAudit: async (a: AuditInput) => void written.push(a),
    offices: staticOfficeNames({ '411521-lingshan': '灵山镇' }),
  };
  return { reader, written, ports };
};

describe('browsing the audit trail', () => {
  it('reads the last 30 days by default, newest first across month partitions', async () => {
    const { reader, ports } = setup();
    reader.append(ev({ action: 'case.start' }), '2026-10-20T01:00:00.000Z');
    reader.append(ev({ action: 'case.decide' }), '2026-10-22T01:00:00.000Z');
    reader.append(ev({ action: 'case.deliver' }), '2026-11-19T01:00:00.000Z');
    reader.append(ev({ action: 'case.withdraw' }), '2026-11-20T01:00:00.000Z');
    const r = await browseAudit(ports, supervisor, {});
    expect(r).toMatchObject({ truncated: false });
    expect(r.events.map((e) => e.action)).toEqual(['case.withdraw', 'case.deliver', 'case.decide']);
  });

  it('includes the whole last day of the range and filters by actor, action prefix, target and result', async () => {
    const { reader, ports } = setup();
    reader.append(ev({ action: 'user.create', target: { type: 'user', id: 'u9' } }), '2026-11-10T23:59:59.999Z');
    reader.append(ev({ action: 'user.update', result: 'failure' }), '2026-11-10T08:00:00.000Z');
    reader.append(ev({ actor: { anonymous: 'wang' }, action: 'auth.login', result: 'failure' }), '2026-11-10T09:00:00.000Z');
    reader.append(ev({ action: 'user.create' }), '2026-11-11T00:00:00.000Z');
    const q = { from: '2026-11-10', to: '2026-11-10' };
    const actions = async (f: object) => (await browseAudit(ports, supervisor, { ...q, ...f })).events.map((e) => e.action);
    expect(await actions({})).toEqual(['user.create', 'auth.login', 'user.update']);
    expect(await actions({ action: 'user.' })).toEqual(['user.create', 'user.update']);
    expect(await actions({ actor: 'wang' })).toEqual(['auth.login']);
    expect(await actions({ actor: 'clerk.lingshan', result: 'failure' })).toEqual(['user.update']);
    // by the name people know, too
    expect(await actions({ actor: '李灵山', result: 'failure' })).toEqual(['user.update']);
    expect(await actions({ target: 'u9' })).toEqual(['user.create']);
  });

  it('refuses a reversed or too long range with the field path', async () => {
    const { ports } = setup();
    await expect(browseAudit(ports, supervisor, { from: '2026-11-02', to: '2026-11-01' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'from' }],
    });
    await expect(browseAudit(ports, supervisor, { from: '2024-01-01', to: '2026-01-01' })).rejects.toMatchObject({ message: '一次最多查询 24 个月' });
    expect((await browseAudit(ports, supervisor, { from: '2024-02-01', to: '2026-01-31' })).events).toEqual([]);
  });

  it(`stops at ${MAX_ROWS} rows and says the list is cut`, async () => {
    const { reader, ports } = setup();
    for (let i = 0; i < MAX_ROWS + 1; i++) reader.append(ev(), new Date(Date.parse('2026-11-01T00:00:00Z') + i * 1000).toISOString());
    const r = await browseAudit(ports, supervisor, { from: '2026-11-01' });
    expect(r.events).toHaveLength(MAX_ROWS);
    expect(r.truncated).toBe(true);
    reader.events.pop();
    expect((await browseAudit(ports, supervisor, { from: '2026-11-01' })).truncated).toBe(false);
  });
});

describe('exporting the audit trail', () => {
  it('hands out the filtered events as a workbook and records the export itself', async () => {
    const { reader, written, ports } = setup();
    reader.append(ev({ action: 'user.create' }), '2026-11-19T01:00:00.000Z');
    reader.append(ev({ action: 'case.start' }), '2026-11-19T02:00:00.000Z');
    const x = await exportAudit(ports, supervisor, { action: 'user.' }, meta);
    expect(x).toMatchObject({ rows: 1, filename: '审计记录-2026-11-20.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.file as never);
    const ws = wb.getWorksheet('审计记录')!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(4).value).toBe('新增人员');
    expect(ws.getRow(2).getCell(1).value).toBe('2026-11-19 09:00:00');
    // people read names; the login name is an extra column after the codes
    const headers = (ws.getRow(1).values as string[]).filter(Boolean);
    expect(headers.slice(-3)).toEqual(['操作代码', '对象代码', '操作人账号']);
    expect(ws.getRow(2).getCell(2).value).toBe('李灵山');
    expect(ws.getRow(2).getCell(3).value).toBe('灵山镇'); // 所属机构 by name, not the office id
    expect(ws.getRow(2).getCell(headers.indexOf('操作人账号') + 1).value).toBe('clerk.lingshan');
    expect(written).toEqual([
      {
        actor: { userId: 'u-sup', username: 'supervisor', officeId: '411521-center', displayName: '监察室' },
        action: 'audit.export',
        result: 'success',
        ...meta,
        detail: '1 rows',
      },
    ]);
  });

  it('hands out nothing when the export cannot be recorded', async () => {
    const { ports } = setup();
    const failing = { ...ports, writeAudit: async () => Promise.reject(new Error('audit table unavailable')) };
    await expect(exportAudit(failing, supervisor, {}, meta)).rejects.toThrow('audit table unavailable');
  });
});

describe('the in-memory reader (the fake of A2/A3)', () => {
  it('reads by target and by actor, newest first, with a limit', async () => {
    const { reader } = setup();
    reader.append(ev({ target: { type: 'case', id: 'c1' } }), '2026-11-01T00:00:00.000Z');
    reader.append(ev({ target: { type: 'case', id: 'c1' }, action: 'case.decide' }), '2026-11-02T00:00:00.000Z');
    reader.append(ev({ target: { type: 'user', id: 'c1' } }), '2026-11-03T00:00:00.000Z');
    reader.append(ev({ actor: { anonymous: 'x' }, target: { type: 'user', id: 'x' } }), '2026-11-04T00:00:00.000Z');
    const byCase = await reader.byTarget({ type: 'case', id: 'c1' }, 1);
    expect(byCase).toMatchObject({ more: true, events: [{ action: 'case.decide' }] });
    expect((await reader.byActor('u-clerk', 10)).events).toHaveLength(3);
    expect((await reader.byActor('anon:x', 10)).events).toHaveLength(1);
  });
});
