import * as z from 'zod';
import { calendarYear } from '../schema/date.ts';

/** GET /api/archive?year=&q=: the archive year, and an optional 办件编号 / 事项名称 / 档号 filter. */
export const archiveSearchQuery = z.object({
  year: calendarYear.transform(String),
  q: z.string().trim().max(60, '查询内容不超过 60 个字').optional(),
});

/** GET /api/archive/transfer?year=: the year whose packages go to the county archives (移交). */
export const archiveTransferQuery = z.object({ year: calendarYear.transform(String) });

/** POST /api/archive/destruction `{"caseId"}`: the case whose package is approved for destruction. */
export const destructionBody = z.object({ caseId: z.string({ error: '请选择要销毁的档案' }).uuid('档案编号有误') });
