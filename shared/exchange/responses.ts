import * as z from 'zod';

/**
 * `GET /api/exchange/status?day=YYYY-MM-DD` as published (the provincial exchange's daily
 * reconciliation, county admin): the day's counts and its records with their stage and status.
 */
export const EXCHANGE_STAGES = ['accepted', 'supplement', 'refused', 'forwarded', 'decided', 'delivered', 'rated'] as const;
export const EXCHANGE_RECORD_STATUSES = ['pending', 'acknowledged', 'rejected'] as const;

const count = z.number().int().min(0);

export const exchangeStatusResponse = z.object({
  day: z.string().max(10).meta({ description: '北京时间的日期 YYYY-MM-DD' }),
  pushed: count,
  acknowledged: count,
  rejected: count,
  pending: count,
  records: z
    .array(
      z.object({
        caseNumber: z.string().max(50),
        stage: z.enum(EXCHANGE_STAGES),
        status: z.enum(EXCHANGE_RECORD_STATUSES),
        reason: z.string().max(2000).optional().meta({ description: '省平台退回的原因' }),
      }),
    )
    .max(100_000),
});
export type ExchangeStatusResponse = z.infer<typeof exchangeStatusResponse>;
