import * as z from 'zod';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { auditKeys } from '../db/keys.ts';
import { ValidationError } from '../errors/domain-errors.ts';
import type { AuditEvent } from './audit.ts';

/** Browsing audit events: month partitions between two dates, filtered; never a Scan. */
export const auditQuery = z.object({
  from: z.iso.date('开始日期须为 YYYY-MM-DD').optional(),
  to: z.iso.date('结束日期须为 YYYY-MM-DD').optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  target: z.string().trim().max(128).optional(),
  result: z.enum(['success', 'failure'], { message: '结果须为 success 或 failure' }).optional(),
});
export type AuditQuery = z.output<typeof auditQuery>;

export const MAX_ROWS = 5000;

const months = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m === 12 ? (y++, (m = 1)) : m++)
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
};

export const browseAudit = async (q: AuditQuery, now = new Date()): Promise<{ events: AuditEvent[]; truncated: boolean }> => {
  const to = q.to ?? now.toISOString().slice(0, 10);
  const from = q.from ?? new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) throw new ValidationError('开始日期不能晚于结束日期', [{ path: 'from', message: '开始日期不能晚于结束日期' }]);
  if (months(from, to).length > 24) throw new ValidationError('一次最多查询 24 个月', [{ path: 'from', message: '一次最多查询 24 个月' }]);
  const filters: string[] = [];
  const values: Record<string, unknown> = { ':from': from, ':to': `${to}T23:59:59.999Z` };
  const names: Record<string, string> = {};
  const filter = (expr: string, vals: Record<string, unknown>, nameMap: Record<string, string> = {}) => {
    filters.push(expr);
    Object.assign(values, vals);
    Object.assign(names, nameMap);
  };
  if (q.actor) filter('(actor.username = :actor OR actor.anonymous = :actor)', { ':actor': q.actor });
  if (q.action) filter('begins_with(#action, :action)', { ':action': q.action }, { '#action': 'action' });
  if (q.target) filter('target.id = :target', { ':target': q.target });
  if (q.result) filter('#result = :result', { ':result': q.result }, { '#result': 'result' });

  const events: AuditEvent[] = [];
  for (const month of months(from, to).reverse()) {
    let start: Record<string, unknown> | undefined;
    do {
      const r = await dynamo().send(
        new QueryCommand({
          TableName: tableName('audit'),
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ...values, ':pk': auditKeys.month(month).pk },
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        }),
      );
      for (const i of r.Items ?? []) {
        const { pk: _p, sk: _s, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, expiresAt: _e, ...event } = i;
        events.push(event as AuditEvent);
        if (events.length >= MAX_ROWS) return { events, truncated: true };
      }
      start = r.LastEvaluatedKey;
    } while (start);
  }
  return { events, truncated: false };
};
