import * as z from 'zod';
import { calendarYearSchema } from './year.ts';

/**
 * The working-day calendar's answers as published (shared/openapi/responses.ts): a year's
 * arrangement, or an empty one marked `missing`, and a due date. The use cases' answers fit them
 * (test/unit/openapi/responses.test.ts); the web takes its types from them.
 */
export const calendarYearResponse = z.object({
  year: calendarYearSchema,
  missing: z.boolean().meta({ description: '该年安排尚未录入：其中的到期日为暂定' }),
});
export type CalendarYearAnswer = z.infer<typeof calendarYearResponse>;

export const calendarYearSavedResponse = z.object({ year: calendarYearSchema });
export type CalendarYearSaved = z.infer<typeof calendarYearSavedResponse>;

export const dueDateResponse = z.object({
  dueDate: z.string().max(10),
  provisional: z.boolean().meta({ description: '跨入尚未录入的年份：到期日为暂定' }),
});
