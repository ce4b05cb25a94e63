import * as z from 'zod';
import { calendarDate, calendarYear } from '../schema/date.ts';

export const dueDateQuery = z.object({
  from: calendarDate,
  workdays: z.coerce.number({ message: '工作日数须为数字' }).int('工作日数须为整数').min(0, '工作日数不能为负').max(365, '工作日数不能超过 365'),
});

export const yearParams = z.object({ year: calendarYear });
