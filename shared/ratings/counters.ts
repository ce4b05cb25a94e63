import { LEVELS, effectiveLevel, isBad, isSatisfied, type Level, type Rating, type RectificationTask } from './model.ts';

/**
 * Monthly counters, kept with every change in the same transaction, so statistics never scan.
 * Each change adds `contribution(after) − contribution(before)` of the rating it touches: the
 * counters are therefore exactly the sum of every rating's contribution, i.e. what a
 * recomputation from the ratings gives (`recompute`, used by the tests).
 */
export const COUNTER_FIELDS = ['count', 'satisfied', 'bad', 'l1', 'l2', 'l3', 'l4', 'l5', 'tasks', 'callbacks', 'rectified'] as const;
export type CounterField = (typeof COUNTER_FIELDS)[number];
export type CounterAdd = Partial<Record<CounterField, number>>;
export type Counts = Record<CounterField, number>;

/** Where a rating is counted: the county, its handling office, the item at that office, the staff evaluated. */
export type CounterDim =
  | { kind: 'county' }
  | { kind: 'office'; officeId: string }
  | { kind: 'item'; officeId: string; itemCode: string; itemName: string }
  | { kind: 'staff'; officeId: string; staff: string };

export type CounterRow = CounterDim & { counts: Counts };

export const zeroCounts = (): Counts => Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Counts;

export const dimsOf = (r: Pick<Rating, 'officeId' | 'itemCode' | 'itemName' | 'staff'>): CounterDim[] => [
  { kind: 'county' },
  { kind: 'office', officeId: r.officeId },
  { kind: 'item', officeId: r.officeId, itemCode: r.itemCode, itemName: r.itemName },
  { kind: 'staff', officeId: r.officeId, staff: r.staff },
];

/** What one rating (with its task) adds to its month's counters; nothing once voided. */
export const contribution = (r: Rating | undefined, t: RectificationTask | undefined): CounterAdd => {
  if (!r || r.voided) return {};
  const level: Level = effectiveLevel(r);
  const add: CounterAdd = { count: 1, [`l${level}`]: 1 };
  if (isSatisfied(level)) add.satisfied = 1;
  if (isBad(level)) add.bad = 1;
  if (t && t.status !== 'voided') {
    add.tasks = 1;
    if (t.callback?.reached) add.callbacks = 1;
    if (t.status === 'rectified') add.rectified = 1;
  }
  return add;
};

/** after − before, without zero entries (an empty object: nothing to write). */
export const delta = (before: CounterAdd, after: CounterAdd): CounterAdd => {
  const out: CounterAdd = {};
  for (const f of COUNTER_FIELDS) {
    const d = (after[f] ?? 0) - (before[f] ?? 0);
    if (d) out[f] = d;
  }
  return out;
};

export const isEmpty = (add: CounterAdd): boolean => Object.keys(add).length === 0;

export const dimKey = (d: CounterDim): string => {
  switch (d.kind) {
    case 'county':
      return 'COUNTY';
    case 'office':
      return `OFFICE#${d.officeId}`;
    case 'item':
      return `ITEM#${d.officeId}#${d.itemCode}`;
    case 'staff':
      return `STAFF#${d.officeId}#${d.staff}`;
  }
};

const addInto = (into: Counts, add: CounterAdd) => {
  for (const f of COUNTER_FIELDS) into[f] += add[f] ?? 0;
};

/** The counter rows a month's ratings (with their tasks) give, recomputed from the records. */
export const recompute = (ratings: readonly Rating[], tasks: ReadonlyMap<string, RectificationTask>): CounterRow[] => {
  const rows = new Map<string, CounterRow>();
  for (const r of ratings) {
    const add = contribution(r, tasks.get(r.caseId));
    if (isEmpty(add)) continue;
    for (const d of dimsOf(r)) {
      const k = dimKey(d);
      const row = rows.get(k) ?? { ...d, counts: zeroCounts() };
      addInto(row.counts, add);
      rows.set(k, row);
    }
  }
  return [...rows.values()];
};

/** Sums rows (e.g. one item across offices). */
export const sumCounts = (rows: ReadonlyArray<{ counts: Counts }>): Counts => {
  const out = zeroCounts();
  for (const r of rows) addInto(out, r.counts);
  return out;
};

/** 满意率, 整改率, 回访率 as fractions (null when there is nothing to divide by). */
export const rates = (c: Counts) => ({
  satisfactionRate: c.count ? c.satisfied / c.count : null,
  rectificationRate: c.tasks ? c.rectified / c.tasks : null,
  callbackRate: c.tasks ? c.callbacks / c.tasks : null,
});

export const LEVEL_FIELDS = LEVELS.map((l) => `l${l}` as const);
