import { bjDay, bjEndOfDay } from '../platform/beijing-time.ts';
import * as z from 'zod';
import { addWorkdays, type Calendar } from '../calendar/working-days.ts';
import { CASE_STATUSES, type CaseRecord } from '../cases/model.ts';
import type { CaseStore } from '../cases/ports.ts';
import { listView } from '../cases/views.ts';
import { ForbiddenError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { Clock } from '../platform/clock.ts';
import { decodePlaces, encodePlaces } from './places.ts';
import type { SupervisionRules } from './rules.ts';

/**
 * County-wide views for county-wide readers (supervisors): every office's work lists, or one
 * office's. A status list of the whole county reads each office's list (K4) from where the cursor
 * left it and merges them newest first; due soon / overdue read the open-by-due index (K5) once
 * for the county. Names masked as in every list.
 */
export interface CountyViewPorts {
  cases: Pick<CaseStore, 'ofOffice' | 'openDueBy'>;
  offices: () => Promise<Array<{ id: string; kind: string }>>;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
}

export const countyListQuery = z.object({
  view: z.enum([...CASE_STATUSES, 'due_soon', 'overdue'], { error: '列表类型无效' }).default('accepted'),
  officeId: z.string().trim().min(1).max(80).optional(),
  cursor: z.string().max(8000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type CountyListQuery = z.output<typeof countyListQuery>;

const sortKey = (c: CaseRecord) => `${c.acceptedAt ?? c.createdAt}#${c.id}`;

export const countyCases = async (ports: CountyViewPorts, p: Principal, q: CountyListQuery, rules: Pick<SupervisionRules, 'yellowLeadWorkdays'>) => {
  if (!hasScope(p, 'supervision.read:county')) throw new ForbiddenError();
  if (q.view === 'due_soon' || q.view === 'overdue') {
    const now = ports.clock();
    const nowIso = now.toISOString();
    // due soon: within the county's yellow window, as the cards and the gauges count it
    const horizon = q.view === 'overdue' ? nowIso : bjEndOfDay(addWorkdays(bjDay(now), rules.yellowLeadWorkdays, (await ports.calendar()).cal).dueDate);
    const open = await ports.cases.openDueBy(q.officeId, horizon);
    return { cases: open.filter((c) => (q.view === 'overdue' ? c.dueAt! < nowIso : c.dueAt! >= nowIso)).map(listView) };
  }
  if (q.officeId) {
    const page = await ports.cases.ofOffice(q.officeId, q.view, { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) });
    return { cases: page.cases.map(listView), ...(page.cursor ? { next: page.cursor } : {}) };
  }
  // every office: each read from its place (an opaque cursor and how many rows of it were shown)
  const offices = (await ports.offices()).filter((o) => o.kind !== 'village').map((o) => o.id);
  const places = decodePlaces(q.cursor);
  const reads = await Promise.all(
    offices.map(async (id) => {
      const place = places[id];
      if (place === null) return { id, rows: [] as CaseRecord[], cursor: undefined, skip: 0 };
      const skip = place?.skip ?? 0;
      const page = await ports.cases.ofOffice(id, q.view, { limit: q.limit + skip, ...(place?.c ? { cursor: place.c } : {}) });
      return { id, rows: page.cases.slice(skip), cursor: page.cursor, skip };
    }),
  );
  const merged = reads.flatMap((r) => r.rows.map((row) => ({ row, office: r.id }))).sort((a, b) => sortKey(b.row).localeCompare(sortKey(a.row)));
  const shown = merged.slice(0, q.limit);
  const next: Record<string, { c?: string; skip: number } | null> = {};
  for (const r of reads) {
    const prev = places[r.id];
    if (prev === null) {
      next[r.id] = null;
      continue;
    }
    const taken = shown.filter((s) => s.office === r.id).length;
    if (taken === r.rows.length) next[r.id] = r.cursor ? { c: r.cursor, skip: 0 } : null;
    else next[r.id] = { ...(prev?.c ? { c: prev.c } : {}), skip: r.skip + taken };
  }
  const more = Object.values(next).some((v) => v !== null);
  return { cases: shown.map((s) => listView(s.row)), ...(more ? { next: encodePlaces(next) } : {}) };
};
