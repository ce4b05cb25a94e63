import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { intake } from '../../../shared/cases/intake.ts';
import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import { casePorts } from '../../../shared/app/wiring.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { DEFAULT_ROLE_SCOPES } from '../../../shared/platform/scopes.ts';
import { scanOverdue } from '../../../shared/supervision/overdue-scan.ts';
import { scanPorts, supervisionRules } from '../../../shared/supervision/wiring.ts';

/**
 * The dashboards over HTTP on DynamoDB Local: counters kept by the scan as the cases moved
 * (write-sharded items summed on read), the same figures recomputed from the cases, and the Excel
 * export opened with exceljs.
 */
const promised = demoItems().find((i) => i.name === '居民户口簿遗失补发')!; // 5 working days
const immediate = demoItems().find((i) => i.kind === 'immediate')!;
const clerk = (officeId: string, username: string): Principal => ({
  userId: username,
  username,
  displayName: '窗口',
  officeId,
  roles: ['window_clerk'],
  scopes: [...DEFAULT_ROLE_SCOPES.window_clerk],
  sessionId: 's',
});
const meta = { sourceIp: '127.0.0.1', userAgent: 't' };
const bj = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`);
const required = (i: typeof promised) => i.materials.filter((m) => m.required).map((m) => m.name);

describe('dashboards over HTTP', () => {
  let stack: TestStack;
  let sup: string;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    sup = await stack.login('supervisor');
  });
  afterAll(() => stack.stop());

  it('figures from the counters equal the cases’ own; the export opens in exceljs with the same numbers', async () => {
    const take = async (p: Principal, item: typeof promised, at: Date) =>
      (
        await intake(
          { ...casePorts(), clock: () => at },
          p,
          {
            itemCode: item.code,
            applicant: { type: 'person', name: '赵六', idNumber: '11010519491231002X', phone: '13812345678' },
            materialsReceived: required(item),
            idempotencyKey: crypto.randomUUID(),
          },
          meta,
        )
      ).case;
    const lingshan = clerk('411521-lingshan', 'clerk.lingshan');
    const dongpu = clerk('411521-dongpu', 'clerk.dongpu');
    // October: four promised cases, one immediate; decided in time, late, or still open
    const a = await take(lingshan, promised, bj('2026-10-12'));
    const b = await take(lingshan, promised, bj('2026-10-12'));
    const c = await take(dongpu, promised, bj('2026-10-13'));
    const d = await take(dongpu, promised, bj('2026-10-13'));
    const e = await take(lingshan, immediate, bj('2026-10-14', '09:00'));
    const at = (x: Date) => ({ ...casePorts(), clock: () => x });
    await lifecycle.decide(at(bj('2026-10-15')), lingshan, { id: a.id, expectedVersion: 1, result: 'approved' }, meta); // 3 working days, on time
    await lifecycle.decide(at(bj('2026-10-14', '16:00')), lingshan, { id: e.id, expectedVersion: 1, result: 'approved' }, meta); // same day
    for (const t of ['2026-10-16', '2026-10-19', '2026-10-20', '2026-10-21'])
      await scanOverdue({ ...scanPorts(), clock: () => bj(t, '00:10') }, supervisionRules());
    await lifecycle.decide(at(bj('2026-10-22')), dongpu, { id: c.id, expectedVersion: 1, result: 'approved' }, meta); // late: due 10-20
    await scanOverdue({ ...scanPorts(), clock: () => bj('2026-10-23', '00:10') }, supervisionRules());
    expect([b.dueDate, d.dueDate]).toEqual(['2026-10-19', '2026-10-20']);

    const r = await stack.fetch('/api/dashboard?from=2026-10&to=2026-10', { token: sup });
    expect(r.status).toBe(200);
    const dash = (await r.json()) as any;
    expect(dash.total).toMatchObject({
      taken: 5,
      decided: 3,
      decidedOnTime: 2,
      decidedLate: 1,
      immediateDecided: 1,
      immediateSameDay: 1,
      yellow: 3,
      red: 3,
      onTimeRate: 0.6667,
      immediateSameDayRate: 1,
    });
    // working days to decide: a 3, e 0, c 7 (10-13 → 10-22)
    expect(dash.total.decideWorkdays).toBe(10);
    expect(dash.total.avgDecideWorkdays).toBe(3.3);
    expect(dash.now).toEqual({ open: 2, dueSoon: 0, overdue: 2 });
    const lingshanRow = dash.byOffice.find((o: any) => o.officeId === '411521-lingshan');
    expect(lingshanRow).toMatchObject({ taken: 3, decided: 2, open: 1, overdue: 1, red: 1 });
    expect(dash.ranking.black.map((o: any) => o.officeId)).toEqual(['411521-dongpu', '411521-lingshan']);
    expect(dash.byStaff.find((s: any) => s.staff === 'clerk.dongpu')).toMatchObject({ officeId: '411521-dongpu', taken: 2, decided: 1, decidedLate: 1 });

    const x = await stack.fetch('/api/dashboard/export?from=2026-10&to=2026-10', { token: sup });
    expect(x.status).toBe(200);
    expect(decodeURIComponent(x.headers.get('content-disposition') ?? '')).toContain('电子监察统计-2026-10至2026-10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    const overview = new Map<string, unknown>();
    wb.getWorksheet('概览')!.eachRow((row) => overview.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(overview.get('受理')).toBe(5);
    expect(overview.get('按时办结率(%)')).toBe(66.67);
    expect(overview.get('平均办结用时(工作日)')).toBe(3.3);
    expect(overview.get('已超期(当前)')).toBe(2);
    const offices = wb.getWorksheet('按单位')!;
    const names = offices.getColumn(1).values.map(String);
    expect(names).toEqual(expect.arrayContaining(['灵山镇', '东铺镇']));
  });
});
