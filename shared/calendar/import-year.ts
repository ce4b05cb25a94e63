import { isDeepStrictEqual } from 'node:util';
import type { AuditInput } from '../audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import { commandActor, type CommandCaller } from '../platform/command-caller.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { CalendarYear } from './year.ts';

/**
 * A province's IT brings next year's notice to every county at once (`npm run calendar:import`).
 * A county admin may have entered the year already: a different stored year is kept unless
 * forced, so the command never silently replaces what a county decided.
 */
export interface CalendarYearStore {
  storedYear(year: number): Promise<CalendarYear | undefined>;
  /** The year and its audit events, all-or-nothing. */
  save(year: CalendarYear, audit: readonly AuditInput[]): Promise<void>;
}

export interface ImportYearPorts {
  calendar: CalendarYearStore;
  clock: Clock;
}

export type ImportOutcome = 'imported' | 'overwritten' | 'unchanged' | 'kept' | 'would-import';

const sameDays = (a: CalendarYear, b: CalendarYear): boolean =>
  isDeepStrictEqual([...a.holidays].sort(), [...b.holidays].sort()) && isDeepStrictEqual([...a.makeupWorkdays].sort(), [...b.makeupWorkdays].sort());

export const importCalendarYear = async (
  ports: ImportYearPorts,
  caller: CommandCaller,
  input: { countyCode: string; year: CalendarYear; force: boolean; dryRun: boolean },
  meta: RequestMeta,
): Promise<{ outcome: ImportOutcome; stored?: CalendarYear }> => {
  const stored = await ports.calendar.storedYear(input.year.year);
  if (stored && sameDays(stored, input.year)) return { outcome: 'unchanged', stored };
  if (stored && !input.force) return { outcome: 'kept', stored };
  if (input.dryRun) return { outcome: 'would-import', ...(stored ? { stored } : {}) };
  const saved: CalendarYear = { ...input.year, updatedAt: ports.clock().toISOString() };
  await ports.calendar.save(saved, [
    {
      actor: commandActor(caller, input.countyCode),
      action: 'calendar.year.put',
      target: { type: 'calendar', id: String(saved.year) },
      result: 'success',
      detail: `${saved.holidays.length} holidays, ${saved.makeupWorkdays.length} makeup workdays from ${saved.source}${stored ? ' (--force)' : ''}, by ${caller.operator}`,
      ...meta,
    },
  ]);
  return { outcome: stored ? 'overwritten' : 'imported', ...(stored ? { stored } : {}) };
};
