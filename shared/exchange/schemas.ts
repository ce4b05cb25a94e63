import * as z from 'zod';
import { calendarDate } from '../schema/date.ts';
import { STAGES } from './model.ts';

/** GET /api/exchange/status?day= and GET /api/exchange/rejected?day=: a Beijing day. */
export const statusQuery = z.object({ day: calendarDate });

/** POST /api/exchange/records/{caseId}/{id}/resend: the record. */
export const recordParams = z.object({
  caseId: z.string().uuid('办件编号有误'),
  id: z
    .string()
    .max(40, '记录编号有误')
    .regex(/^\d{6}-[a-z]+$/, '记录编号有误'),
});

/** The correction: the province's 事项编码 where it differs, and what was put right. */
export const resendBody = z.object({
  itemCode: z
    .string()
    .trim()
    .min(1, '事项编码不能为空')
    .max(40, '事项编码不超过 40 个字符')
    .regex(/^[0-9A-Za-z_-]+$/, '事项编码只能包含字母、数字、下划线和连字符')
    .optional(),
  note: z.string({ error: '请写明更正内容' }).trim().min(2, '请写明更正内容').max(200, '更正说明不超过 200 字'),
});
export type ResendInput = z.output<typeof resendBody>;

/** GET /api/exchange/status: the published response (exact keys; stage names and statuses as listed). */
export const statusResponse = z.strictObject({
  day: z.string().max(10),
  pushed: z.number().int().min(0).max(5000),
  acknowledged: z.number().int().min(0).max(5000),
  rejected: z.number().int().min(0).max(5000),
  pending: z.number().int().min(0).max(5000),
  records: z.array(
    z.strictObject({
      caseNumber: z.string().max(40),
      stage: z.enum(['accepted', 'supplement', 'refused', 'forwarded', 'decided', 'delivered', 'rated']),
      status: z.enum(['pending', 'acknowledged', 'rejected']),
      reason: z.string().max(500).optional(),
    }),
  ),
});

/** GET /api/exchange/rejected: the day's rejected records with what was sent, and the province's own count of the day (null: none given or unreachable). */
export const rejectedRecordSchema = z.object({
  caseId: z.string().max(64),
  id: z.string().max(64),
  caseNumber: z.string().max(40),
  stage: z.enum(STAGES),
  stageLabel: z.string().max(20),
  itemCode: z.string().max(64),
  itemName: z.string().max(200),
  reason: z.string().max(500),
  at: z.string().max(40),
  sent: z.record(z.string().max(64), z.string().max(2000)).meta({ description: '上报给省平台的字段（省平台的字段名）' }),
});
export const rejectedResponse = z.object({
  province: z.object({ count: z.number().int().min(0), acknowledged: z.number().int().min(0), matches: z.boolean() }).nullable(),
  records: z.array(rejectedRecordSchema).max(5000),
});
export type RejectedRecord = z.infer<typeof rejectedRecordSchema>;
export type RejectedDay = z.infer<typeof rejectedResponse>;
