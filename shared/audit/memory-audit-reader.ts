import type { AuditEvent, AuditInput } from './audit.ts';
import { actorIdOf, matches } from './filters.ts';
import type { AuditReader, AuditSlice } from './ports.ts';

/** AuditReader in memory for unit tests, over events appended by the test (or by a use case). */
export interface MemoryAuditReader extends AuditReader {
  readonly events: AuditEvent[];
  /** Appends an event as the writer would (fresh id, `at` given). */
  append(input: AuditInput, at: string): AuditEvent;
}

const newestFirst = (a: AuditEvent, b: AuditEvent) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at));
const slice = (events: AuditEvent[], limit: number): AuditSlice => ({
  events: events.slice(0, limit).map((e) => structuredClone(e)),
  more: events.length > limit,
});

export const memoryAuditReader = (initial: readonly AuditEvent[] = []): MemoryAuditReader => {
  const events: AuditEvent[] = initial.map((e) => structuredClone(e));
  let seq = 0;
  return {
    events,
    append: (input, at) => {
      const e = { ...structuredClone(input), id: `e${String(++seq).padStart(6, '0')}`, at };
      events.push(e);
      return e;
    },
    month: async (month, range, filters, limit) =>
      slice(events.filter((e) => e.at.startsWith(month) && e.at >= range.from && e.at <= range.to && matches(e, filters)).sort(newestFirst), limit),
    byTarget: async (target, limit) => slice(events.filter((e) => e.target?.type === target.type && e.target.id === target.id).sort(newestFirst), limit),
    byActor: async (actorId, limit) => slice(events.filter((e) => actorIdOf(e.actor) === actorId).sort(newestFirst), limit),
  };
};
