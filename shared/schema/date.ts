import * as z from 'zod';
import { FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR, RANGE_MESSAGE } from './date-bounds.ts';

const isRealDay = (d: string): boolean => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/**
 * The one schema for a calendar date a request brings (`YYYY-MM-DD`, a real day, within the
 * years the working-day calendar supports): due dates, digests, audit ranges, feeds all use it,
 * so no date can send a loop over days past the calendar's end.
 */
export const calendarDate = z
  .string({ error: '日期须为文字，格式 YYYY-MM-DD' })
  .max(10, '日期格式须为 YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD')
  .refine(isRealDay, '不是有效日期')
  .refine((d) => d >= FIRST_DAY && d <= LAST_DAY, RANGE_MESSAGE);

/** A month (`YYYY-MM`) within the same years: dashboards and monthly figures. */
export const calendarMonth = z
  .string({ error: '月份须为文字，格式 YYYY-MM' })
  .max(7, '月份格式须为 YYYY-MM')
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式须为 YYYY-MM')
  .refine((m) => m >= `${FIRST_YEAR}-01` && m <= `${LAST_YEAR}-12`, `月份须在 ${FIRST_YEAR}–${LAST_YEAR} 年之间`);

/** A year within the same range (the calendar page's path). */
export const calendarYear = z.coerce
  .number({ error: '年份须为数字' })
  .int('年份须为整数')
  .min(FIRST_YEAR, `年份须在 ${FIRST_YEAR}–${LAST_YEAR} 之间`)
  .max(LAST_YEAR, `年份须在 ${FIRST_YEAR}–${LAST_YEAR} 之间`);
