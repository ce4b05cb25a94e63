import { describe, expect, it } from 'vitest';
import { calendarYearSchema } from '../../../shared/calendar/year.ts';
import { dayKind, toggleDay } from '../../../shared/calendar/day-toggle.ts';

const empty = { holidays: [], makeupWorkdays: [] };

describe('工作日历 month view: one click on a day', () => {
  it('a weekday goes 工作日 → 节假日 → 工作日', () => {
    // 2027-05-03 is a Monday
    expect(dayKind('2027-05-03', empty)).toBe('workday');
    const once = toggleDay('2027-05-03', empty);
    expect(once).toEqual({ holidays: ['2027-05-03'], makeupWorkdays: [], kind: 'holiday' });
    expect(toggleDay('2027-05-03', once)).toEqual({ holidays: [], makeupWorkdays: [], kind: 'workday' });
  });

  it('a weekend day goes 休息日 → 调休上班 → 节假日 → 休息日, never both at once', () => {
    // 2027-02-06 is a Saturday
    expect(dayKind('2027-02-06', empty)).toBe('rest');
    const makeup = toggleDay('2027-02-06', { holidays: ['2027-01-01'], makeupWorkdays: [] });
    expect(makeup).toEqual({ holidays: ['2027-01-01'], makeupWorkdays: ['2027-02-06'], kind: 'makeup' });
    const holiday = toggleDay('2027-02-06', makeup);
    expect(holiday).toEqual({ holidays: ['2027-01-01', '2027-02-06'], makeupWorkdays: [], kind: 'holiday' });
    expect(toggleDay('2027-02-06', holiday)).toEqual({ holidays: ['2027-01-01'], makeupWorkdays: [], kind: 'rest' });
  });

  it('whatever the clicks, the year stays one the server accepts', () => {
    let lists = { holidays: [] as string[], makeupWorkdays: [] as string[] };
    for (const d of ['2027-02-06', '2027-02-06', '2027-05-03', '2027-02-07', '2027-05-04', '2027-05-04']) lists = toggleDay(d, lists);
    expect(calendarYearSchema.safeParse({ year: 2027, ...lists, source: 'test' }).success).toBe(true);
  });
});
