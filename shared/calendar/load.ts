import { SEED_YEARS } from './seed-years.ts';
import { buildCalendar, type Calendar } from './working-days.ts';
import type { CalendarStore } from './ports.ts';
import type { CalendarYear } from './year.ts';

export interface LoadedCalendar {
  cal: Calendar;
  /** Seeded years with the stored ones laid over them, by year. */
  years: CalendarYear[];
}

export const mergeYears = (stored: readonly CalendarYear[]): CalendarYear[] => {
  const byYear = new Map<number, CalendarYear>(SEED_YEARS.map((y) => [y.year, y]));
  for (const y of stored) byYear.set(y.year, y);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
};

/**
 * The calendar kept per container. Every due date needs it, so it is read once and kept for
 * `ttlMs` (a minute): an edit reaches every other function within that time, and the function
 * that made the edit forgets its copy at once. Concurrent loads share one read.
 */
export interface CalendarCache {
  /** `now` (epoch ms) decides whether the copy is still fresh; the cache's clock by default. */
  load(now?: number): Promise<LoadedCalendar>;
  forget(): void;
}

export const calendarCache = (store: Pick<CalendarStore, 'storedYears'>, opts: { ttlMs?: number; clock?: () => number } = {}): CalendarCache => {
  const ttl = opts.ttlMs ?? 60_000;
  const clock = opts.clock ?? Date.now;
  let cached: { at: number; value: LoadedCalendar } | undefined;
  let pending: Promise<LoadedCalendar> | undefined;
  // a load that started before forget() must not put its (older) years back
  let generation = 0;

  return {
    load: (now = clock()) => {
      if (cached && now - cached.at < ttl) return Promise.resolve(cached.value);
      if (pending) return pending;
      const gen = generation;
      const p: Promise<LoadedCalendar> = store
        .storedYears()
        .then((stored) => {
          const years = mergeYears(stored);
          const value = { cal: buildCalendar(years), years };
          if (gen === generation) cached = { at: now, value };
          return value;
        })
        .finally(() => {
          if (pending === p) pending = undefined;
        });
      pending = p;
      return p;
    },
    forget: () => {
      generation += 1;
      cached = undefined;
      pending = undefined;
    },
  };
};
