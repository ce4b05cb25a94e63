import * as z from 'zod';
import { calendarDate } from '../schema/date.ts';
import { FIRST_YEAR, LAST_YEAR } from '../schema/date-bounds.ts';

/** One year of the working-day calendar: statutory holidays and weekend makeup workdays (调休). */
const isoDate = calendarDate;

export const calendarYearSchema = z
  .object({
    year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
    holidays: z.array(isoDate).max(366, '一年最多 366 天'),
    makeupWorkdays: z.array(isoDate).max(366, '一年最多 366 天'),
    source: z.string().min(1, '请注明依据（如国务院办公厅通知文号）').max(200, '依据不能超过 200 字'),
    updatedAt: z.string().max(40).optional(),
  })
  .superRefine((y, ctx) => {
    const check = (list: string[], field: 'holidays' | 'makeupWorkdays') =>
      list.forEach((d, i) => {
        if (!d.startsWith(`${y.year}-`)) ctx.addIssue({ code: 'custom', path: [field, i], message: `${d} 不在 ${y.year} 年内` });
        else if (Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d)
          ctx.addIssue({ code: 'custom', path: [field, i], message: `${d} 不是有效日期` });
      });
    check(y.holidays, 'holidays');
    check(y.makeupWorkdays, 'makeupWorkdays');
    y.makeupWorkdays.forEach((d, i) => {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (dow !== 0 && dow !== 6) ctx.addIssue({ code: 'custom', path: ['makeupWorkdays', i], message: `${d} 不是周末，无需调休上班` });
      if (y.holidays.includes(d)) ctx.addIssue({ code: 'custom', path: ['makeupWorkdays', i], message: `${d} 不能既是假日又是调休工作日` });
    });
  });

export type CalendarYear = z.output<typeof calendarYearSchema>;
