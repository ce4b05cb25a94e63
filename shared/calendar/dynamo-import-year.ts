import type { CalendarYearStore } from './import-year.ts';
import { dynamoCalendarStore } from './dynamo-calendar.ts';

/** CalendarYearStore on the directory table (D6), through the calendar store adapter. */
export const dynamoCalendarYearStore = (): CalendarYearStore => {
  const store = dynamoCalendarStore();
  return {
    storedYear: async (year) => (await store.storedYears()).find((y) => y.year === year),
    save: async (year, audit) => {
      if (audit.length !== 1) throw new Error('a calendar year is saved with exactly one audit event');
      await store.saveYear({ ...year, updatedAt: year.updatedAt ?? new Date().toISOString() }, audit[0]!);
    },
  };
};
