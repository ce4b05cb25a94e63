import * as z from 'zod';

export const dueDateQuery = z.object({
  from: z.iso.date('受理日期须为有效日期，格式 YYYY-MM-DD'),
  workdays: z.coerce.number({ message: '工作日数须为数字' }).int('工作日数须为整数').min(0, '工作日数不能为负').max(365, '工作日数不能超过 365'),
});

export const yearParams = z.object({ year: z.coerce.number().int().min(2000, '年份有误').max(2100, '年份有误') });
