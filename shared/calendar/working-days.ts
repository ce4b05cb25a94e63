import type { CalendarYear } from './year.ts';
import { assertInRange, FIRST_YEAR, LAST_DAY, LAST_YEAR } from '../schema/date-bounds.ts';

/**
 * Working days (行政许可法 第82条: limits count working days). Dates are `YYYY-MM-DD` in China
 * time. The day of acceptance is not counted; N working days end at the close of the Nth
 * working day after it. A year without data falls back to weekends-only but is flagged
 * `provisional` — never silently.
 */
export interface Calendar {
  readonly years: ReadonlySet<number>;
  readonly holidays: ReadonlySet<string>;
  readonly makeupWorkdays: ReadonlySet<string>;
}

export interface DueDate {
  dueDate: string;
  provisional: boolean;
}

export const buildCalendar = (years: readonly CalendarYear[]): Calendar => ({
  years: new Set(years.map((y) => y.year)),
  holidays: new Set(years.flatMap((y) => y.holidays)),
  makeupWorkdays: new Set(years.flatMap((y) => y.makeupWorkdays)),
});

const DAY = 86_400_000;
export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const yearOf = (date: string): number => Number(date.slice(0, 4));

export const isWorkday = (date: string, cal: Calendar): boolean => {
  if (cal.makeupWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
};

/**
 * The day after (step 1) or before (step -1) `d`, refused once it leaves the supported years: a
 * loop over days ends there whatever the calendar says (a year entered as all holidays, say).
 */
export const stepDay = (d: string, step: 1 | -1, path = 'date'): string => {
  const next = addDays(d, step);
  assertInRange(next, path);
  return next;
};

/** Due date N working days after `from` (n = 0: the same day, for 即办件). */
export const addWorkdays = (from: string, n: number, cal: Calendar): DueDate => {
  assertInRange(from, 'from');
  let d = from;
  let provisional = !cal.years.has(yearOf(from));
  for (let left = n; left > 0;) {
    d = stepDay(d, 1, 'from');
    if (!cal.years.has(yearOf(d))) provisional = true;
    if (isWorkday(d, cal)) left--;
  }
  return { dueDate: d, provisional };
};

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export const workdaysBetween = (from: string, to: string, cal: Calendar): number => {
  if (to <= from) return 0;
  assertInRange(from, 'from');
  const last = to > LAST_DAY ? LAST_DAY : to;
  let count = 0;
  for (let d = addDays(from, 1); d <= last; d = addDays(d, 1)) if (isWorkday(d, cal)) count++;
  return count;
};

export interface Suspension {
  /** First day of the special procedure (特别程序), inclusive. */
  from: string;
  /** Day the case resumed; open suspensions count up to `today`. */
  to?: string;
}

/**
 * 行政许可法 第45条: the time of hearings, inspections, testing, appraisal and expert review is
 * not counted. Each working day spent suspended pushes the due date out by one working day.
 */
export const dueDateWithSuspensions = (acceptedOn: string, workdays: number, suspensions: readonly Suspension[], cal: Calendar, today: string): DueDate => {
  const used = suspensions.reduce((sum, s) => {
    const end = s.to ?? today;
    // working days from the suspension's first day through the day before it resumed
    return sum + workdaysBetween(addDays(s.from, -1), addDays(end, -1), cal);
  }, 0);
  return addWorkdays(acceptedOn, workdays + used, cal);
};

/** Years between two dates that have no calendar data (the county admin must enter them). */
export const missingYears = (from: string, to: string, cal: Calendar): number[] => {
  const out: number[] = [];
  const [first, last] = [Math.max(yearOf(from), FIRST_YEAR), Math.min(yearOf(to), LAST_YEAR)];
  for (let y = first; y <= last; y++) if (!cal.years.has(y)) out.push(y);
  return out;
};
