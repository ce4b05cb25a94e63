import { bjDay } from '../platform/beijing-time.ts';
import * as z from 'zod';
import { actorOf } from '../audit/audit.ts';

import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { Clock } from '../platform/clock.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { alertView, type Alert, type Side } from './alert.ts';
import { COUNTY_AUDIENCE } from './daily-digest.ts';
import type { AlertStore, FigureStore } from './ports.ts';
import { calendarDate } from '../schema/date.ts';

/**
 * The in-app alert inbox: supervisors read the county's alerts, a center head those of the office
 * that owns the case; each side acknowledges for itself (a head's 确认 does not empty the
 * supervisors' inbox). Filters: state, card, office (county side), case.
 */
export interface InboxPorts {
  store: Pick<AlertStore, 'alerts' | 'alert' | 'ackAlert' | 'unreadCount'> & Pick<FigureStore, 'digest'>;
  clock: Clock;
}

export const alertListQuery = z.object({
  state: z.enum(['unread', 'acked'], { error: '状态须为 unread（未读）或 acked（已确认）' }).optional(),
  caseId: z.string().uuid('办件编号有误').optional(),
  card: z.enum(['yellow', 'red'], { error: '牌色须为 yellow 或 red' }).optional(),
  officeId: z.string().trim().min(1).max(80).optional(),
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AlertListQuery = z.output<typeof alertListQuery>;

export const alertIdParams = z.object({
  id: z
    .string()
    .max(22, '预警编号有误')
    .regex(/^[\w-]{22}$/, '预警编号有误'),
});

/** The county's side for county-wide readers, the office's for everyone else with the inbox. */
export const sideOf = (p: Principal): Side => (hasScope(p, 'supervision.read:county') ? 'county' : 'office');

const needInbox = (p: Principal) => {
  if (!hasScope(p, 'alert.read')) throw new ForbiddenError();
};

const visible = (p: Principal, a: Alert | undefined): Alert => {
  if (!a || (sideOf(p) === 'office' && a.officeId !== p.officeId)) throw new NotFoundError('预警不存在');
  return a;
};

export const listAlerts = async (ports: InboxPorts, p: Principal, q: AlertListQuery) => {
  needInbox(p);
  const side = sideOf(p);
  const officeId = side === 'office' ? p.officeId : q.officeId;
  const page = await ports.store.alerts({
    side,
    limit: q.limit,
    ...(officeId ? { officeId } : {}),
    ...(q.state ? { state: q.state } : {}),
    ...(q.card ? { card: q.card } : {}),
    ...(q.caseId ? { caseId: q.caseId } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  return { alerts: page.alerts.map((a) => alertView(a, side)), ...(page.next ? { next: page.next } : {}) };
};

/** What the menu badge shows (capped: "99+"). */
export const UNREAD_CAP = 100;
export const unreadAlerts = async (ports: InboxPorts, p: Principal) => {
  needInbox(p);
  const side = sideOf(p);
  return { unread: await ports.store.unreadCount(side, side === 'office' ? p.officeId : undefined, UNREAD_CAP), cap: UNREAD_CAP };
};

/** 确认: the caller's side has seen it. Idempotent (a second 确认 changes nothing); audited. */
export const ackAlert = async (ports: InboxPorts, p: Principal, input: { id: string }, meta: RequestMeta) => {
  needInbox(p);
  const side = sideOf(p);
  const a = visible(p, await ports.store.alert(input.id));
  const at = ports.clock().toISOString();
  await ports.store.ackAlert(
    a.id,
    side,
    { by: p.username, at },
    {
      actor: actorOf(p),
      action: 'alert.ack',
      target: { type: 'case', id: a.caseId },
      result: 'success',
      sourceIp: meta.sourceIp,
      userAgent: meta.userAgent,
      detail: `${a.caseNumber} ${a.card === 'red' ? '红牌' : '黄牌'}`,
    },
  );
  return { alert: alertView(visible(p, await ports.store.alert(a.id)), side) };
};

export const digestQuery = z.object({ day: calendarDate.optional() });

/** A day's digest for the caller (today's by default): the county's, or the office's (none yet before 08:30). */
export const todaysDigest = async (ports: InboxPorts, p: Principal, q: z.infer<typeof digestQuery> = {}) => {
  needInbox(p);
  const audience = sideOf(p) === 'county' ? COUNTY_AUDIENCE : p.officeId;
  const d = await ports.store.digest(audience, q.day ?? bjDay(ports.clock()));
  return {
    digest: d
      ? { day: d.day, at: d.at, dueToday: d.dueToday, overdue: d.overdue, openOrders: d.openOrders, ...(d.yesterday ? { yesterday: d.yesterday } : {}) }
      : null,
  };
};
