import * as z from 'zod';
import { ValidationError } from '../errors/domain-errors.ts';
import type { Clock } from '../platform/clock.ts';
import type { AuditCaller, AuditEvent } from './audit.ts';
import type { AuditReader } from './ports.ts';
import { calendarDate } from '../schema/date.ts';

/** Browsing audit events: month partitions between two dates, filtered; never a Scan. */
export const auditQuery = z.object({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  target: z.string().trim().max(128).optional(),
  result: z.enum(['success', 'failure'], { message: '结果须为 success 或 failure' }).optional(),
});
export type AuditQuery = z.output<typeof auditQuery>;

export const MAX_ROWS = 5000;
const MAX_MONTHS = 24;

export interface AuditBrowsePorts {
  reader: AuditReader;
  clock: Clock;
}

const months = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m === 12 ? (y++, (m = 1)) : m++)
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
};

/** The last 30 days unless dates are given; newest first, at most MAX_ROWS (then `truncated`). */
export const browseAudit = async (ports: AuditBrowsePorts, _caller: AuditCaller, q: AuditQuery): Promise<{ events: AuditEvent[]; truncated: boolean }> => {
  const now = ports.clock();
  const to = q.to ?? now.toISOString().slice(0, 10);
  const from = q.from ?? new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) throw new ValidationError('开始日期不能晚于结束日期', [{ path: 'from', message: '开始日期不能晚于结束日期' }]);
  const span = months(from, to);
  if (span.length > MAX_MONTHS) throw new ValidationError(`一次最多查询 ${MAX_MONTHS} 个月`, [{ path: 'from', message: `一次最多查询 ${MAX_MONTHS} 个月` }]);
  const filters = {
    ...(q.actor ? { actor: q.actor } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.target ? { target: q.target } : {}),
    ...(q.result ? { result: q.result } : {}),
  };
  const range = { from, to: `${to}T23:59:59.999Z` };
  const events: AuditEvent[] = [];
  const newestFirst = [...span].reverse();
  for (const [i, month] of newestFirst.entries()) {
    const slice = await ports.reader.month(month, range, filters, MAX_ROWS - events.length);
    events.push(...slice.events);
    // a full hand with older months unread may hide more: say so, as a cut list must
    if (slice.more || (events.length >= MAX_ROWS && i < newestFirst.length - 1)) return { events, truncated: true };
  }
  return { events, truncated: false };
};
