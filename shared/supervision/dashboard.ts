import * as z from 'zod';
import { actorOf, type AuditInput } from '../audit/audit.ts';
import { ForbiddenError, ValidationError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { StaffNames } from '../offices/ports.ts';
import type { Clock } from '../platform/clock.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { sideOf } from './inbox.ts';
import type { FigureStore } from './ports.ts';
import { dashboardWorkbook } from './dashboard-export.ts';
import { monthOf, NOW_PERIOD, type Gauge, type Metric, type TallyRow } from './tallies.ts';
import { calendarMonth } from '../schema/date.ts';

/**
 * 电子监察's dashboards, from the counters only (one Query per month and one for the gauges, never
 * a table scan): 按时办结率, 即办件当日办结率, average working days to decide, open / due soon /
 * overdue now, cards; by month, office, item and staff; the 红黑榜 of offices. Supervisors see the
 * county (or one office), a center head his office.
 */
export interface DashboardPorts {
  store: Pick<FigureStore, 'tallies'>;
  clock: Clock;
  /** Item names by code (the catalog), office names by id (the directory). */
  itemNames: () => Promise<(code: string) => string>;
  officeNames: () => Promise<(id: string) => string>;
  /** Staff display names of the 按人员 rows' offices (the directory). */
  staffNames: StaffNames;
  writeAudit(input: AuditInput): Promise<void>;
}

export const dashboardQuery = z.object({
  from: calendarMonth.optional(),
  to: calendarMonth.optional(),
  officeId: z.string().trim().min(1).max(80).optional(),
});
export type DashboardQuery = z.output<typeof dashboardQuery>;

export type Counts = Record<Metric, number>;
export interface Figures extends Counts {
  /** decidedOnTime ÷ decided; null when nothing was decided. */
  onTimeRate: number | null;
  /** immediateSameDay ÷ immediateDecided. */
  immediateSameDayRate: number | null;
  /** decideWorkdays ÷ decided, one decimal. */
  avgDecideWorkdays: number | null;
}
export type Now = Record<Gauge, number>;

const ZERO: Counts = {
  taken: 0,
  decided: 0,
  decidedOnTime: 0,
  decidedLate: 0,
  decideWorkdays: 0,
  immediateDecided: 0,
  immediateSameDay: 0,
  withdrawn: 0,
  yellow: 0,
  red: 0,
  secondRed: 0,
  orders: 0,
  ordersAnswered: 0,
  ordersLate: 0,
};
const ratio = (a: number, b: number, digits = 4): number | null => (b ? Math.round((a / b) * 10 ** digits) / 10 ** digits : null);

export const figuresOf = (c: Counts): Figures => ({
  ...c,
  onTimeRate: ratio(c.decidedOnTime, c.decided),
  immediateSameDayRate: ratio(c.immediateSameDay, c.immediateDecided),
  avgDecideWorkdays: ratio(c.decideWorkdays, c.decided, 1),
});

const add = (into: Counts, values: TallyRow['values']) => {
  for (const k of Object.keys(ZERO) as Metric[]) into[k] += values[k] ?? 0;
};

/** The months from `from` to `to` (YYYY-MM), oldest first. */
export const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  let n = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1;
  for (;;) {
    const month = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    if (month > to) return out;
    out.push(month);
    n++;
  }
};

const MAX_MONTHS = 24;
const RANK = 5;

export interface Dashboard {
  from: string;
  to: string;
  officeId?: string;
  now: Now;
  total: Figures;
  byMonth: Array<{ month: string } & Figures>;
  byOffice: Array<{ officeId: string } & Figures & Now>;
  byItem: Array<{ itemCode: string; itemName: string } & Figures>;
  /** `staff` is the login name (stable, in the tallies); `staffName` the name people know. */
  byStaff: Array<{ officeId: string; staff: string; staffName: string } & Figures>;
  /** 红榜: offices with decisions and no red card, best on-time rate first; 黑榜: red cards and lateness, worst first. */
  ranking: { red: Array<{ officeId: string } & Figures>; black: Array<{ officeId: string } & Figures> };
}

/** Pure: the dashboard of some months' counter rows and the gauges (tests recompute with it too). */
export const dashboardOf = (
  months: ReadonlyArray<{ month: string; rows: readonly TallyRow[] }>,
  gauges: readonly TallyRow[],
  names: (code: string) => string,
  officeId?: string,
): Omit<Dashboard, 'from' | 'to' | 'byStaff'> & { byStaff: Array<Omit<Dashboard['byStaff'][number], 'staffName'>> } => {
  const officeOf = (key: string) => key.slice(0, key.indexOf('/'));
  const mine = (r: TallyRow) => !officeId || (r.dim === 'office' ? r.key === officeId : officeOf(r.key) === officeId);
  const total = { ...ZERO };
  const offices = new Map<string, Counts>();
  const items = new Map<string, Counts>();
  const staff = new Map<string, Counts>();
  const bucket = (m: Map<string, Counts>, k: string) => m.get(k) ?? (m.set(k, { ...ZERO }), m.get(k)!);
  const byMonth = months.map(({ month, rows }) => {
    const c = { ...ZERO };
    for (const r of rows.filter(mine)) {
      if (r.dim === 'office') {
        add(c, r.values);
        add(total, r.values);
        add(bucket(offices, r.key), r.values);
      } else if (r.dim === 'item') add(bucket(items, r.key.slice(r.key.indexOf('/') + 1)), r.values);
      else add(bucket(staff, r.key), r.values);
    }
    return { month, ...figuresOf(c) };
  });
  const nowOf = new Map<string, Now>();
  const now: Now = { open: 0, dueSoon: 0, overdue: 0 };
  for (const g of gauges.filter(mine)) {
    const n = nowOf.get(g.key) ?? { open: 0, dueSoon: 0, overdue: 0 };
    for (const k of ['open', 'dueSoon', 'overdue'] as const) {
      n[k] += g.values[k] ?? 0;
      now[k] += g.values[k] ?? 0;
    }
    nowOf.set(g.key, n);
  }
  const officeIds = [...new Set([...offices.keys(), ...nowOf.keys()])].sort();
  const byOffice = officeIds.map((id) => ({
    officeId: id,
    ...figuresOf(offices.get(id) ?? { ...ZERO }),
    ...(nowOf.get(id) ?? { open: 0, dueSoon: 0, overdue: 0 }),
  }));
  const cards = (f: Figures) => f.red + f.secondRed;
  return {
    ...(officeId ? { officeId } : {}),
    now,
    total: figuresOf(total),
    byMonth,
    byOffice,
    byItem: [...items]
      .map(([code, c]) => ({ itemCode: code, itemName: names(code), ...figuresOf(c) }))
      .sort((a, b) => b.taken - a.taken || a.itemCode.localeCompare(b.itemCode)),
    byStaff: [...staff]
      .map(([k, c]) => ({ officeId: officeOf(k), staff: k.slice(k.indexOf('/') + 1), ...figuresOf(c) }))
      .sort((a, b) => b.decided - a.decided || a.staff.localeCompare(b.staff)),
    ranking: {
      red: byOffice
        .filter((o) => o.decided > 0 && cards(o) === 0)
        .sort((a, b) => (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || b.decided - a.decided || a.officeId.localeCompare(b.officeId))
        .slice(0, RANK),
      black: byOffice
        .filter((o) => cards(o) > 0 || o.decidedLate > 0)
        .sort((a, b) => b.secondRed - a.secondRed || cards(b) - cards(a) || (a.onTimeRate ?? 1) - (b.onTimeRate ?? 1) || a.officeId.localeCompare(b.officeId))
        .slice(0, RANK),
    },
  };
};

/** Who may see what: the county (any office) for county-wide readers, else the caller's office. */
const scopeOf = (p: Principal, q: DashboardQuery): string | undefined => {
  if (!hasScope(p, 'alert.read')) throw new ForbiddenError();
  return sideOf(p) === 'county' ? q.officeId : p.officeId;
};

const periodOf = (q: DashboardQuery, now: Date): { from: string; to: string } => {
  const current = `${monthOf(now).slice(0, 4)}-${monthOf(now).slice(4)}`;
  const to = q.to ?? current;
  const from = q.from ?? monthsBetween('2000-01', to).slice(-3)[0]!;
  if (from > to) throw new ValidationError('起始月份不能晚于截止月份', [{ path: 'from', message: '不能晚于截止月份' }]);
  if (monthsBetween(from, to).length > MAX_MONTHS)
    throw new ValidationError(`最多查询 ${MAX_MONTHS} 个月`, [{ path: 'from', message: `最多 ${MAX_MONTHS} 个月` }]);
  return { from, to };
};

export const dashboard = async (ports: DashboardPorts, p: Principal, q: DashboardQuery): Promise<Dashboard> => {
  const officeId = scopeOf(p, q);
  const { from, to } = periodOf(q, ports.clock());
  const months = monthsBetween(from, to);
  const [rows, gauges, names] = await Promise.all([
    Promise.all(months.map((m) => ports.store.tallies(m.replace('-', '')))),
    ports.store.tallies(NOW_PERIOD),
    ports.itemNames(),
  ]);
  const d = dashboardOf(
    months.map((month, i) => ({ month, rows: rows[i]! })),
    gauges,
    names,
    officeId,
  );
  const people = await ports.staffNames.names(d.byStaff.map((s) => s.officeId));
  // someone who has left keeps their login name: the row still says who it was
  return { from, to, ...d, byStaff: d.byStaff.map((s) => ({ ...s, staffName: people.get(s.staff) ?? s.staff })) };
};

export const auditDashboardExport = (p: Principal, d: Dashboard, meta: RequestMeta): AuditInput => ({
  actor: actorOf(p),
  action: 'dashboard.export',
  result: 'success',
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail: `${d.from}~${d.to}${d.officeId ? ` ${d.officeId}` : ''}`,
});

/** The same dashboard as an Excel workbook; handing it out is audited. */
export const exportDashboard = async (ports: DashboardPorts, p: Principal, q: DashboardQuery, meta: RequestMeta) => {
  const d = await dashboard(ports, p, q);
  const office = await ports.officeNames();
  const file = await dashboardWorkbook(d, { office });
  await ports.writeAudit(auditDashboardExport(p, d, meta));
  return { file, filename: `电子监察统计-${d.from}至${d.to}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
};
