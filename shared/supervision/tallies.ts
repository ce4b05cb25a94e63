import { bjMonth } from '../platform/beijing-time.ts';

/**
 * The figures behind the dashboards, kept as cases move (no table scans): small counter items
 * added to in the same transaction as the change they count.
 *
 * - per month (`YYYYMM`, Beijing time) and per office, item and staff (both keyed `<office>/<id>`):
 *   what happened that month;
 * - `NOW` per office: gauges of the moment (open cases, in the yellow window, overdue).
 *
 * The county's figures are the sum of its offices' (one Query per month reads them all).
 */
export const METRICS = [
  'taken',
  'decided',
  'decidedOnTime',
  'decidedLate',
  /** Sum of the working days from acceptance to decision (÷ decided = the average). */
  'decideWorkdays',
  'immediateDecided',
  'immediateSameDay',
  'withdrawn',
  'yellow',
  'red',
  'secondRed',
  'orders',
  'ordersAnswered',
  'ordersLate',
] as const;
export type Metric = (typeof METRICS)[number];

export const GAUGES = ['open', 'dueSoon', 'overdue'] as const;
export type Gauge = (typeof GAUGES)[number];

export type Dim = 'office' | 'item' | 'staff';
export const NOW_PERIOD = 'NOW';

export interface TallyAdd {
  /** `YYYYMM`, or `NOW` for the gauges. */
  period: string;
  dim: Dim;
  key: string;
  /** Write shard (0..TALLY_SHARDS-1): the rows of one key are summed when read. */
  shard: number;
  add: Partial<Record<Metric | Gauge, number>>;
}

export const TALLY_SHARDS = 4;
/** The shard of a case's counts: spread over cases, the same for one case. */
export const tallyShard = (id: string): number => {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % TALLY_SHARDS;
};

export interface TallyRow {
  period: string;
  dim: Dim;
  key: string;
  values: Partial<Record<Metric | Gauge, number>>;
}

/** The Beijing month `YYYYMM` of an instant. */
export const monthOf = (at: Date | string): string => bjMonth(typeof at === 'string' ? new Date(at) : at).replace('-', '');

/** A month's counts for the office, the item and the staff member concerned. */
export const monthly = (at: Date | string, who: { officeId: string; itemCode: string; staff: string; caseId: string }, add: TallyAdd['add']): TallyAdd[] => {
  const period = monthOf(at);
  const shard = tallyShard(who.caseId);
  // items and staff are counted per office too, so an office's dashboard can show its own
  return [
    { period, dim: 'office', key: who.officeId, shard, add },
    { period, dim: 'item', key: `${who.officeId}/${who.itemCode}`, shard, add },
    { period, dim: 'staff', key: `${who.officeId}/${who.staff}`, shard, add },
  ];
};

export const gauge = (officeId: string, caseId: string, add: Partial<Record<Gauge, number>>): TallyAdd => ({
  period: NOW_PERIOD,
  dim: 'office',
  key: officeId,
  shard: tallyShard(caseId),
  add,
});

/** One addition per counter item (a transaction may not touch one item twice). */
export const mergeTallies = (ts: readonly TallyAdd[]): TallyAdd[] => {
  const out = new Map<string, TallyAdd>();
  for (const t of ts) {
    const k = `${t.period}#${t.dim}#${t.key}#${t.shard}`;
    const m = out.get(k) ?? { ...t, add: {} };
    for (const [name, n] of Object.entries(t.add) as Array<[Metric | Gauge, number]>) m.add[name] = (m.add[name] ?? 0) + n;
    out.set(k, m);
  }
  return [...out.values()];
};

/** Adds tallies into rows, the shards of a key summed (the memory stores, reading, the recomputation in tests). */
export const addInto = (rows: Map<string, TallyRow>, t: TallyAdd): void => {
  const k = `${t.period}#${t.dim}#${t.key}`;
  const row = rows.get(k) ?? { period: t.period, dim: t.dim, key: t.key, values: {} };
  for (const [m, n] of Object.entries(t.add) as Array<[Metric | Gauge, number]>) row.values[m] = (row.values[m] ?? 0) + n;
  rows.set(k, row);
};
