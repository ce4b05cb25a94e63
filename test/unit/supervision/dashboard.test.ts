import { bjDay } from '../../../shared/platform/beijing-time.ts';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';

import type { CaseRecord } from '../../../shared/cases/model.ts';
import { DEFAULT_ROLE_SCOPES } from '../../../shared/platform/scopes.ts';
import { dashboard, dashboardOf, monthsBetween, type DashboardPorts } from '../../../shared/supervision/dashboard.ts';
import { dashboardWorkbook } from '../../../shared/supervision/dashboard-export.ts';
import { NOW_PERIOD } from '../../../shared/supervision/tallies.ts';
import { recompute } from './recompute.ts';
import { issueOrder, respondOrder } from '../../../shared/supervision/orders.ts';
import { application, IMMEDIATE, ITEMS, principal, TIGHT } from '../cases/fixtures.ts';
import { intake } from '../../../shared/cases/intake.ts';
import { at, CAL, county, META, SUPERVISOR } from './fixtures.ts';
import { staticStaffNames } from '../../../shared/offices/memory-names.ts';

/** A seeded pseudo-random sequence (mulberry32): the same period every run. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const OFFICES = ['411521-lingshan', '411521-dongpu'];
const clerkOf = (o: string) => principal({ userId: `c-${o}`, username: `clerk.${o.slice(7)}`, officeId: o, scopes: [...DEFAULT_ROLE_SCOPES.window_clerk] });
const headOf = (o: string) =>
  principal({ userId: `h-${o}`, username: `head.${o.slice(7)}`, officeId: o, roles: ['center_head'], scopes: [...DEFAULT_ROLE_SCOPES.center_head] });

/**
 * Three months of two offices through the real use cases with a moving clock: intake (承诺件,
 * 即办件), start, 特别程序 and resume, extension, decision in time or late, withdrawal, the scan
 * twice a day, 督办 on some red cards (answered in time, late, or not at all).
 */
const seedPeriod = async () => {
  const c = county(at('2026-09-01', '09:00'));
  const random = rng(20261122);
  const ids: string[] = [];
  const orders: string[] = [];
  const orderPorts = { store: c.store, cases: c.cases, calendar: async () => ({ cal: CAL }), clock: c.now };
  for (let day = 0; day < 91; day++) {
    const date = new Date(at('2026-09-01', '09:00').getTime() + day * 86_400_000);
    const d = bjDay(date);
    c.setNow(new Date(`${d}T00:05:00+08:00`));
    await c.scan();
    c.setNow(new Date(`${d}T09:00:00+08:00`));
    for (let n = Math.floor(random() * 4); n > 0; n--) {
      const office = OFFICES[Math.floor(random() * 2)]!;
      const item = ITEMS[Math.floor(random() * ITEMS.length)]!;
      const partial = random() < 0.1 && item.code !== IMMEDIATE.code;
      const { case: k } = await intake(
        c.casePorts,
        clerkOf(office),
        {
          ...application({
            itemCode: item.code,
            materialsReceived: item.code === IMMEDIATE.code ? ['身份证'] : partial ? ['申请表'] : ['申请表', '居民户口簿'],
          }),
          idempotencyKey: `k-${day}-${n}-${random()}`,
        },
        META,
      );
      ids.push(k.id);
    }
    c.setNow(new Date(`${d}T15:00:00+08:00`));
    for (const id of ids) {
      const k: CaseRecord = await c.latest(id);
      const p = clerkOf(k.officeId);
      const r = random();
      const v = { id, expectedVersion: k.version };
      if (k.status === 'awaiting_supplement' && r < 0.3) await c.act.supplement(c.casePorts, p, { ...v, materialsReceived: ['居民户口簿'] }, META);
      else if (k.status === 'accepted' && r < 0.5) await c.act.start(c.casePorts, p, v, META);
      else if (k.status === 'accepted' && k.kind === 'immediate' && r < 0.85) await c.act.decide(c.casePorts, p, { ...v, result: 'approved' }, META);
      else if (k.status === 'in_progress' && r < 0.03 && k.kind !== 'immediate')
        await c.act.suspend(c.casePorts, p, { ...v, procedure: '现场勘查', expectedDays: 2, notice: '现场勘查两个工作日' }, META);
      else if (k.status === 'suspended' && r < 0.4) await c.act.resume(c.casePorts, p, v, META);
      else if (k.status === 'in_progress' && r < 0.05 && !k.extension && k.kind !== 'immediate' && k.itemCode !== TIGHT.code)
        await c.act.extend(c.casePorts, headOf(k.officeId), { ...v, days: 2, reason: '需补充核查材料' }, META);
      else if (k.status === 'in_progress' && r < 0.3)
        await c.act.decide(
          c.casePorts,
          p,
          { ...v, result: random() < 0.9 ? 'approved' : 'refused', ...(random() < 0.5 ? {} : { reason: '材料不符合要求' }) } as never,
          META,
        );
      else if ((k.status === 'in_progress' || k.status === 'accepted') && r > 0.985) await c.act.withdraw(c.casePorts, p, { ...v, reason: '申请人撤回' }, META);
    }
    // 督办 on a few red-carded open cases
    for (const a of (await c.store.alerts({ side: 'county', state: 'unread', card: 'red', limit: 5 })).alerts) {
      await c.store.ackAlert(
        a.id,
        'county',
        { by: 'supervisor', at: c.now().toISOString() },
        { actor: { anonymous: 't' }, action: 'alert.ack', result: 'success', sourceIp: '', userAgent: '' },
      );
      if (a.trigger === 'order' || random() > 0.3) continue;
      orders.push((await issueOrder(orderPorts, SUPERVISOR, { caseId: a.caseId, requirement: '请说明超期原因', deadlineWorkdays: 2 }, META)).id);
    }
    for (const id of orders) {
      const o = (await c.store.order(id))!;
      if ((o.state === 'open' || o.state === 'overdue') && random() < 0.25)
        await respondOrder(orderPorts, headOf(o.officeId), { id, response: '已按要求办理' }, META);
    }
  }
  c.setNow(at('2026-12-01', '10:00'));
  await c.scan();
  return { c, ids };
};

const names = async () => (code: string) => ITEMS.find((i) => i.code === code)?.name ?? code;

const portsOf = (c: { store: DashboardPorts['store']; now: DashboardPorts['clock'] }): DashboardPorts => ({
  store: c.store,
  clock: c.now,
  itemNames: names,
  officeNames: async () => (id) => id,
  staffNames: staticStaffNames({}),
  writeAudit: async () => undefined,
});

describe('dashboards from the counters', () => {
  it('equal a recomputation from the cases of a seeded period; the Excel export opens in exceljs with the same numbers', { timeout: 60_000 }, async () => {
    const { c, ids } = await seedPeriod();
    const ports = portsOf(c);
    const d = await dashboard(ports, SUPERVISOR, { from: '2026-09', to: '2026-12' });
    // the period is not trivial: every kind of figure happened
    expect(d.total).toMatchObject({ taken: expect.any(Number), decidedLate: expect.any(Number) });
    for (const k of [
      'taken',
      'decided',
      'decidedOnTime',
      'decidedLate',
      'immediateDecided',
      'immediateSameDay',
      'yellow',
      'red',
      'secondRed',
      'orders',
      'ordersAnswered',
      'ordersLate',
      'withdrawn',
    ] as const)
      expect(d.total[k], k).toBeGreaterThan(0);
    expect(d.now.open + d.now.overdue).toBeGreaterThan(0);

    const rows = recompute(
      await Promise.all(ids.map((id) => c.latest(id))),
      (await c.store.alerts({ side: 'county', limit: 100_000 })).alerts,
      await c.store.orders({}),
      c.now(),
      CAL,
    );
    const months = monthsBetween('2026-09', '2026-12');
    const expected = dashboardOf(
      months.map((month) => ({ month, rows: [...rows.values()].filter((r) => r.period === month.replace('-', '')) })),
      [...rows.values()].filter((r) => r.period === NOW_PERIOD),
      await names(),
    );
    // the 按人员 rows carry the name people know; someone the directory no longer has keeps the login name
    expect(d.byStaff.every((s) => s.staffName === s.staff)).toBe(true);
    const named = await dashboard({ ...ports, staffNames: staticStaffNames({ [d.byStaff[0]!.staff]: '李灵山' }) }, SUPERVISOR, {
      from: '2026-09',
      to: '2026-12',
    });
    expect(named.byStaff[0]).toMatchObject({ staff: d.byStaff[0]!.staff, staffName: '李灵山' });
    const withoutNames = { ...d, byStaff: d.byStaff.map(({ staffName: _name, ...s }) => s) };
    expect({ ...withoutNames, from: undefined, to: undefined }).toEqual({ ...expected, from: undefined, to: undefined });
    // one office's dashboard is that office's share
    const one = await dashboard(ports, SUPERVISOR, { from: '2026-09', to: '2026-12', officeId: OFFICES[1] });
    expect(one.total.taken).toBe(d.byOffice.find((o) => o.officeId === OFFICES[1])!.taken);
    expect(one.byStaff.every((s) => s.officeId === OFFICES[1])).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await dashboardWorkbook(d, { office: (id) => id })) as never);
    const overview = new Map<string, unknown>();
    wb.getWorksheet('概览')!.eachRow((row) => overview.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(overview.get('受理')).toBe(d.total.taken);
    expect(overview.get('按时办结率(%)')).toBe(Math.round(d.total.onTimeRate! * 10_000) / 100);
    expect(overview.get('即办件当日办结率(%)')).toBe(Math.round(d.total.immediateSameDayRate! * 10_000) / 100);
    expect(overview.get('平均办结用时(工作日)')).toBe(d.total.avgDecideWorkdays);
    expect(overview.get('红牌')).toBe(d.total.red);
    expect(overview.get('已超期(当前)')).toBe(d.now.overdue);
    const byOffice = wb.getWorksheet('按单位')!;
    const header = (byOffice.getRow(1).values as unknown[]).map(String);
    const row = byOffice.getRow(2).values as unknown[];
    expect(row[header.indexOf('单位')]).toBe(d.byOffice[0]!.officeId);
    expect(row[header.indexOf('办结')]).toBe(d.byOffice[0]!.decided);
    expect(row[header.indexOf('黄牌')]).toBe(d.byOffice[0]!.yellow);
    expect(wb.getWorksheet('按月')!.rowCount).toBe(1 + months.length);
  });

  it('a center head sees his office only; the period is checked', async () => {
    const c = county();
    await c.accept();
    await c.scan();
    const ports = portsOf(c);
    const other = headOf('411521-dongpu');
    expect((await dashboard(ports, other, { officeId: '411521-lingshan' })).total.taken).toBe(0);
    expect((await dashboard(ports, headOf('411521-lingshan'), {})).total.taken).toBe(1);
    expect((await dashboard(ports, SUPERVISOR, {})).from).toBe('2026-09');
    await expect(dashboard(ports, SUPERVISOR, { from: '2026-12', to: '2026-01' })).rejects.toMatchObject({ kind: 'validation' });
    await expect(dashboard(ports, SUPERVISOR, { from: '2020-01', to: '2026-01' })).rejects.toMatchObject({ kind: 'validation' });
    await expect(dashboard(ports, principal(), {})).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
