import { bjDay, bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import { SEED_YEARS } from '../../../shared/calendar/seed-years.ts';
import {
  addDays,
  addWorkdays,
  buildCalendar,
  dueDateWithSuspensions,
  isWorkday,
  missingYears,
  workdaysBetween,
} from '../../../shared/calendar/working-days.ts';
import { calendarYearSchema } from '../../../shared/calendar/year.ts';

const cal = buildCalendar(SEED_YEARS);

describe('official arrangements 2025 and 2026', () => {
  it.each([
    // [accepted, workdays, due]
    ['2026-02-13', 5, '2026-02-27'], // the makeup Saturday 02-14 counts; 02-15…02-23 Spring Festival
    ['2025-01-24', 1, '2025-01-26'], // Sunday 01-26 is a makeup workday
    ['2025-01-27', 1, '2025-02-05'], // across Spring Festival 2025 (01-28…02-04)
    ['2025-09-30', 1, '2025-10-09'], // National Day + Mid-autumn 10-01…10-08
    ['2025-09-26', 1, '2025-09-28'], // makeup Sunday 09-28
    ['2026-09-30', 1, '2026-10-08'], // National Day 2026: 10-01…10-07
    ['2026-10-09', 1, '2026-10-10'], // makeup Saturday 10-10
    ['2026-11-20', 0, '2026-11-20'], // 即办件: the same day
    ['2026-02-15', 1, '2026-02-24'], // accepted on a holiday
  ])('accepted %s + %i working days → due %s', (from, n, due) => {
    expect(addWorkdays(from, n, cal)).toEqual({ dueDate: due, provisional: false });
  });

  it('agrees with chinese-days on every day of 2025 and 2026', () => {
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) expect(isWorkday(d, cal), d).toBe(chineseDays.isWorkday(d));
  });

  it('the seed data passes its own schema', () => {
    for (const y of SEED_YEARS) expect(calendarYearSchema.safeParse(y).success).toBe(true);
  });
});

describe('years without data', () => {
  it('fall back to weekends-only but are flagged provisional', () => {
    expect(addWorkdays('2027-03-05', 1, cal)).toEqual({ dueDate: '2027-03-08', provisional: true });
    expect(addWorkdays('2026-12-30', 3, cal).provisional).toBe(true);
    expect(missingYears('2026-12-30', '2027-01-05', cal)).toEqual([2027]);
  });
});

describe('special procedures (特别程序) are not counted', () => {
  it('a suspension adds back the working days it used', () => {
    const plain = addWorkdays('2026-11-02', 10, cal).dueDate;
    // suspended Wed 11-04, resumed Mon 11-09: 11-04, 05, 06 = 3 working days
    const moved = dueDateWithSuspensions('2026-11-02', 10, [{ from: '2026-11-04', to: '2026-11-09' }], cal, '2026-11-20');
    expect(workdaysBetween(plain, moved.dueDate, cal)).toBe(3);
  });
  it('an open suspension counts up to today', () => {
    const d = dueDateWithSuspensions('2026-11-02', 5, [{ from: '2026-11-05' }], cal, '2026-11-06');
    expect(d.dueDate).toBe(addWorkdays('2026-11-02', 6, cal).dueDate);
  });
});

describe('Beijing time', () => {
  it('dates instants in UTC+8', () => {
    expect(bjDay(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
    expect(bjEndOfDay('2026-11-22')).toBe('2026-11-22T15:59:59.999Z');
  });
});

describe('invariants (property tests)', () => {
  const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2025-01-01', n));
  const n = fc.integer({ min: 0, max: 40 });
  it('the due date is a working day after the acceptance day, exactly n working days later', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (from, k) => {
        const { dueDate } = addWorkdays(from, k, cal);
        return isWorkday(dueDate, cal) && dueDate > from && workdaysBetween(from, dueDate, cal) === k;
      }),
    );
  });
  it('is monotonic and composes: (a+b) = b after a', () => {
    fc.assert(
      fc.property(day, n, n, (from, a, b) => {
        const ab = addWorkdays(from, a + b, cal).dueDate;
        return addWorkdays(addWorkdays(from, a, cal).dueDate, b, cal).dueDate === ab && addWorkdays(from, a, cal).dueDate <= ab;
      }),
    );
  });
});

describe('calendar year validation', () => {
  it('names the field of a bad entry in Chinese', () => {
    const r = calendarYearSchema.safeParse({ year: 2027, holidays: ['2026-10-01'], makeupWorkdays: ['2027-03-03'], source: '通知' });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toContain('holidays.0: 2026-10-01 不在 2027 年内');
    expect(issues).toContain('makeupWorkdays.0: 2027-03-03 不是周末，无需调休上班');
  });
});
