import type { AuditInput } from '../audit/audit.ts';
import type { CalendarStore } from './ports.ts';
import type { CalendarYear } from './year.ts';

/** CalendarStore in memory for unit tests: a year and its audit event land together or not at all. */
export interface MemoryCalendarStore extends CalendarStore {
  readonly audits: AuditInput[];
  /** How many times the stored years were read (the cache's tests count them). */
  readonly reads: number;
  /** Makes the next save fail, as a cancelled transaction would. */
  failNextSave(): void;
}

export const memoryCalendarStore = (initial: readonly CalendarYear[] = []): MemoryCalendarStore => {
  const years = new Map<number, CalendarYear>(initial.map((y) => [y.year, structuredClone(y)]));
  const audits: AuditInput[] = [];
  let reads = 0;
  let fail = false;
  return {
    audits,
    get reads() {
      return reads;
    },
    failNextSave: () => {
      fail = true;
    },
    storedYears: async () => {
      reads += 1;
      // in year order, as the table's sort key gives them
      return [...years.values()].sort((a, b) => a.year - b.year).map((y) => structuredClone(y));
    },
    saveYear: async (year, audit) => {
      if (fail) {
        fail = false;
        throw new Error('TransactionCanceledException');
      }
      years.set(year.year, structuredClone(year));
      audits.push(structuredClone(audit));
    },
  };
};
