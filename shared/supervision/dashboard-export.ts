import { writeXlsx, type CellValue, type SheetSpec } from '../sheets/xlsx.ts';
import type { Dashboard, Figures, Now } from './dashboard.ts';

/**
 * The dashboard as a workbook: the same figures, sheet by sheet (概览, 按月, 按单位, 按事项, 按人员,
 * 红黑榜). Rates as percentages with two decimals. Written with the small in-house writer, so the
 * function stays within its size budget.
 */
const pct = (r: number | null): CellValue => (r === null ? '' : Math.round(r * 10_000) / 100);

const COLUMNS: Array<[string, (f: Figures) => CellValue]> = [
  ['受理', (f) => f.taken],
  ['办结', (f) => f.decided],
  ['按时办结', (f) => f.decidedOnTime],
  ['超期办结', (f) => f.decidedLate],
  ['按时办结率(%)', (f) => pct(f.onTimeRate)],
  ['即办件办结', (f) => f.immediateDecided],
  ['即办件当日办结', (f) => f.immediateSameDay],
  ['即办件当日办结率(%)', (f) => pct(f.immediateSameDayRate)],
  ['平均办结用时(工作日)', (f) => f.avgDecideWorkdays ?? ''],
  ['撤回', (f) => f.withdrawn],
  ['黄牌', (f) => f.yellow],
  ['红牌', (f) => f.red],
  ['第二张红牌', (f) => f.secondRed],
  ['督办', (f) => f.orders],
  ['督办反馈', (f) => f.ordersAnswered],
  ['逾期反馈', (f) => f.ordersLate],
];
const NOW_COLUMNS: Array<[string, (n: Now) => CellValue]> = [
  ['在办(当前)', (n) => n.open],
  ['即将到期(当前)', (n) => n.dueSoon],
  ['已超期(当前)', (n) => n.overdue],
];

const table = (name: string, keys: string[], rows: Array<{ keys: CellValue[]; f: Figures; now?: Now }>, withNow = false): SheetSpec => ({
  name,
  rows: [
    [...keys, ...COLUMNS.map(([h]) => h), ...(withNow ? NOW_COLUMNS.map(([h]) => h) : [])],
    ...rows.map((r) => [...r.keys, ...COLUMNS.map(([, v]) => v(r.f)), ...(withNow && r.now ? NOW_COLUMNS.map(([, v]) => v(r.now!)) : [])]),
  ],
  widths: [...keys.map(() => 22), ...COLUMNS.map(() => 12), ...(withNow ? NOW_COLUMNS.map(() => 12) : [])],
});

export const dashboardWorkbook = (d: Dashboard, names: { office: (id: string) => string }): Promise<Uint8Array> => {
  const scope = d.officeId ? names.office(d.officeId) : '全县';
  const overview: SheetSpec = {
    name: '概览',
    rows: [
      ['指标', '数值'],
      ['范围', scope],
      ['期间', `${d.from} 至 ${d.to}`],
      ...COLUMNS.map(([h, v]): CellValue[] => [h, v(d.total)]),
      ...NOW_COLUMNS.map(([h, v]): CellValue[] => [h, v(d.now)]),
    ],
    widths: [24, 24],
  };
  const rank = (list: Dashboard['ranking']['red'], label: string) =>
    list.map((o, i): CellValue[] => [label, i + 1, names.office(o.officeId), pct(o.onTimeRate), o.decided, o.red, o.secondRed]);
  return writeXlsx([
    overview,
    table(
      '按月',
      ['月份'],
      d.byMonth.map((m) => ({ keys: [m.month], f: m })),
    ),
    table(
      '按单位',
      ['单位'],
      d.byOffice.map((o) => ({ keys: [names.office(o.officeId)], f: o, now: o })),
      true,
    ),
    table(
      '按事项',
      ['事项编码', '事项'],
      d.byItem.map((i) => ({ keys: [i.itemCode, i.itemName], f: i })),
    ),
    table(
      '按人员',
      ['单位', '人员', '账号'],
      d.byStaff.map((s) => ({ keys: [names.office(s.officeId), s.staffName, s.staff], f: s })),
    ),
    {
      name: '红黑榜',
      rows: [['榜', '名次', '单位', '按时办结率(%)', '办结', '红牌', '第二张红牌'], ...rank(d.ranking.red, '红榜'), ...rank(d.ranking.black, '黑榜')],
      widths: [8, 8, 24, 14, 10, 10, 12],
    },
  ]);
};
