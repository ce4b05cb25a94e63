import { countyWide } from '../cases/access.ts';
import { writeXlsx, type CellValue } from '../sheets/xlsx.ts';
import { ForbiddenError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import { sumCounts, zeroCounts, type CounterRow } from './counters.ts';
import { figures, type Figures, type RatingStats } from './views.ts';
import type { OfficeNames, StaffNames } from '../offices/ports.ts';
import type { RatingStore } from './ports.ts';

/**
 * 好差评 statistics of a month, read from the counters (one Query of the month's partition):
 * satisfaction rate, 差评 and their rectification and callback rates, per office, item and staff.
 * County-wide readers (supervisors, the county admin) see every office; a center head their own.
 */
export interface StatsPorts {
  ratings: Pick<RatingStore, 'counters'>;
  offices: OfficeNames;
  staff: StaffNames;
}

export const ratingStats = async (ports: StatsPorts, p: Principal, input: { month: string }): Promise<RatingStats> => {
  if (!hasScope(p, 'rating.stats')) throw new ForbiddenError();
  const wide = countyWide(p);
  const [rows, names] = await Promise.all([ports.ratings.counters(input.month), ports.offices.names()]);
  const mine = (r: CounterRow): boolean => r.kind !== 'county' && (wide || r.officeId === p.officeId);
  const of = <K extends CounterRow['kind']>(kind: K) => rows.filter((r): r is Extract<CounterRow, { kind: K }> => r.kind === kind && mine(r));

  const offices = of('office')
    .map((r) => ({ officeId: r.officeId, officeName: names.get(r.officeId) ?? r.officeId, ...figures(r.counts) }))
    .sort((a, b) => b.count - a.count || a.officeId.localeCompare(b.officeId));
  // an item is counted per handling office; the county view adds its offices up
  const byItem = new Map<string, Array<Extract<CounterRow, { kind: 'item' }>>>();
  for (const r of of('item')) byItem.set(r.itemCode, [...(byItem.get(r.itemCode) ?? []), r]);
  const items = [...byItem.entries()]
    .map(([itemCode, rs]) => ({ itemCode, itemName: rs[0]!.itemName, ...figures(sumCounts(rs)) }))
    .sort((a, b) => b.count - a.count || a.itemCode.localeCompare(b.itemCode));
  const staffRows = of('staff');
  const people = await ports.staff.names([...new Set(staffRows.map((r) => r.officeId))]);
  // someone who has left keeps their login name: the row still says who it was
  const staff = staffRows
    .map((r) => ({
      staff: r.staff,
      staffName: people.get(r.staff) ?? r.staff,
      officeId: r.officeId,
      officeName: names.get(r.officeId) ?? r.officeId,
      ...figures(r.counts),
    }))
    .sort((a, b) => b.count - a.count || a.staff.localeCompare(b.staff));
  const countyRow = rows.find((r) => r.kind === 'county');
  const total = wide ? figures(countyRow?.counts ?? zeroCounts()) : figures(sumCounts(of('office')));
  return { month: input.month, scope: wide ? ('county' as const) : ('office' as const), total, offices, items, staff };
};

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const HEAD = ['评价数', '非常满意', '满意', '基本满意', '不满意', '非常不满意', '满意率', '差评数', '整改任务', '已回访', '回访率', '已整改', '整改率'];
const cells = (f: Figures): CellValue[] => [
  f.count,
  f.l5,
  f.l4,
  f.l3,
  f.l2,
  f.l1,
  pct(f.satisfactionRate),
  f.bad,
  f.tasks,
  f.callbacks,
  pct(f.callbackRate),
  f.rectified,
  pct(f.rectificationRate),
];

/** The month's statistics as a workbook: 机构, 事项, 人员 (same figures as the page). */
export const statsWorkbook = async (s: RatingStats): Promise<Uint8Array> => {
  const widths = (first: number[]) => [...first, ...HEAD.map(() => 10)];
  return writeXlsx([
    {
      name: '机构',
      rows: [['机构编码', '机构', ...HEAD], ...s.offices.map((o) => [o.officeId, o.officeName, ...cells(o)]), ['合计', '', ...cells(s.total)]],
      widths: widths([22, 24]),
    },
    { name: '事项', rows: [['事项编码', '事项', ...HEAD], ...s.items.map((i) => [i.itemCode, i.itemName, ...cells(i)])], widths: widths([16, 30]) },
    {
      name: '人员',
      // the login name last, after the figures, for matching with other systems
      rows: [['工作人员', '所属机构', ...HEAD, '账号'], ...s.staff.map((x) => [x.staffName, x.officeName, ...cells(x), x.staff])],
      widths: widths([18, 24]),
    },
  ]);
};
