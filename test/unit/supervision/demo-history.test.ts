import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../shared/calendar/working-days.ts';
import { SEED_YEARS } from '../../../shared/calendar/seed-years.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { flattenOffices, loadCountyConfig } from '../../../infra/config/county-config.ts';
import { dashboardOf, monthsBetween } from '../../../shared/supervision/dashboard.ts';
import { DEFAULT_RULES } from '../../../shared/supervision/rules.ts';
import { NOW_PERIOD } from '../../../shared/supervision/tallies.ts';
import { demoHistory } from '../../../local/demo-history.ts';
import { recompute } from './recompute.ts';

/** The demo history npm start seeds: labelled, lively, and its counters true to its cases. */
describe('demo history', () => {
  const cal = buildCalendar(SEED_YEARS);
  const now = new Date('2026-11-23T02:00:00Z');
  const h = demoHistory({
    now,
    countyCode: '411521',
    offices: flattenOffices(loadCountyConfig('411521').offices),
    items: demoItems(),
    cal,
    rules: DEFAULT_RULES,
    applicant: {
      type: 'person',
      name: '演示申请人',
      nameMasked: '演*人',
      idMasked: 'x',
      phoneMasked: 'x',
      phone4: '0000',
      sealed: { ek: 'dev', iv: '', ct: '', tag: '' },
    },
  });

  it('is three months of a few thousand labelled cases: late ones, carded ones, open ones, 督办', () => {
    expect(h.cases.length).toBeGreaterThan(1000);
    expect(h.cases.every((c) => c.applicant.name === '演示申请人')).toBe(true);
    expect(h.events.filter((e) => e.event.type === 'accepted').every((e) => e.event.note === '演示数据')).toBe(true);
    expect(h.cases.filter((c) => c.decision && !c.decision.onTime).length).toBeGreaterThan(20);
    expect(new Set(h.alerts.map((a) => a.card))).toEqual(new Set(['yellow', 'red']));
    expect(h.alerts.some((a) => a.countyState === 'unread')).toBe(true);
    expect(h.watches.length).toBeGreaterThan(50);
    expect(h.orders.length).toBeGreaterThan(3);
    expect(h.accountability.length).toBeGreaterThan(0);
    expect(new Set(h.cases.map((c) => c.officeId)).size).toBeGreaterThan(10);
  });

  it('its counters equal a recomputation from its cases', () => {
    const expected = recompute(h.cases, h.alerts, h.orders, now, cal);
    const months = monthsBetween('2026-08', '2026-11');
    const of = (rows: Iterable<{ period: string }>) => [...rows];
    const fig = (rows: typeof h.tallies) =>
      dashboardOf(
        months.map((month) => ({ month, rows: of(rows).filter((r) => r.period === month.replace('-', '')) as typeof h.tallies })),
        of(rows).filter((r) => r.period === NOW_PERIOD) as typeof h.tallies,
        (c) => c,
      );
    expect(fig(h.tallies)).toEqual(fig([...expected.values()]));
  });
});
