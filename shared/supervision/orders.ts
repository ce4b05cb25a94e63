import { bjDay, bjEndOfDay } from '../platform/beijing-time.ts';
import type { AuditAction } from '../audit/labels.ts';
import { randomUUID } from 'node:crypto';
import { actorOf, type AuditInput } from '../audit/audit.ts';
import { addWorkdays, type Calendar } from '../calendar/working-days.ts';
import { visibleOrNotFound } from '../cases/access.ts';
import type { CaseStore } from '../cases/ports.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { Clock } from '../platform/clock.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { sideOf } from './inbox.ts';
import type { IssueOrderInput, Order } from './order.ts';
import type { OrderStore } from './ports.ts';
import { monthly } from './tallies.ts';

/**
 * 督办: a supervisor orders the office holding a case to act, with a requirement and a deadline
 * in working days; the office's head answers (反馈) in the app. Both are lines on the case
 * timeline and audit events. A deadline missed is the scan's business (the second red card, 问责).
 */
export interface OrderPorts {
  store: OrderStore;
  cases: Pick<CaseStore, 'get'>;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
}

const audit = (p: Principal, action: AuditAction, o: Pick<Order, 'caseId' | 'caseNumber'>, meta: RequestMeta, detail: string): AuditInput => ({
  actor: actorOf(p),
  action,
  target: { type: 'case', id: o.caseId },
  result: 'success',
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail: `${o.caseNumber} ${detail}`.slice(0, 200),
});

const need = (p: Principal, scope: Parameters<typeof hasScope>[1]) => {
  if (!hasScope(p, scope)) throw new ForbiddenError();
};

/** The office side sees only the orders addressed to it; the same 404 for others' as for none. */
const visible = (p: Principal, o: Order | undefined): Order => {
  if (!o || (sideOf(p) === 'office' && o.officeId !== p.officeId)) throw new NotFoundError('督办单不存在');
  return o;
};

export const issueOrder = async (ports: OrderPorts, p: Principal, input: IssueOrderInput, meta: RequestMeta): Promise<Order> => {
  need(p, 'supervision.order');
  const c = visibleOrNotFound(p, (await ports.cases.get(input.caseId))?.record);
  if (c.status === 'withdrawn' || c.status === 'not_accepted')
    throw new RuleError('CASE_CLOSED', '该办件已撤回或不予受理，无需督办', [{ path: 'caseId', message: '请选择在办或已办结的办件' }]);
  const now = ports.clock();
  const at = now.toISOString();
  const { cal } = await ports.calendar();
  const deadlineDate = addWorkdays(bjDay(now), input.deadlineWorkdays, cal).dueDate;
  const o: Order = {
    id: randomUUID(),
    caseId: c.id,
    caseNumber: c.number,
    itemCode: c.itemCode,
    itemName: c.itemName,
    caseStaff: c.createdBy,
    officeId: c.handedTo ?? c.officeId,
    requirement: input.requirement,
    deadlineWorkdays: input.deadlineWorkdays,
    deadlineDate,
    deadlineAt: bjEndOfDay(deadlineDate),
    issuedBy: p.username,
    issuedAt: at,
    state: 'open',
    rev: 1,
  };
  await ports.store.issueOrder(o, {
    events: [{ caseId: c.id, at, key: o.id, type: 'supervision_order', by: p.username, note: `督办：${o.requirement}（${deadlineDate} 前反馈）` }],
    tallies: monthly(now, { officeId: o.officeId, itemCode: c.itemCode, staff: c.createdBy, caseId: c.id }, { orders: 1 }),
    audits: [audit(p, 'supervision.order.issue', o, meta, `督办，${deadlineDate} 前反馈`)],
  });
  return o;
};

export const respondOrder = async (
  ports: Pick<OrderPorts, 'store' | 'clock'>,
  p: Principal,
  input: { id: string; response: string },
  meta: RequestMeta,
): Promise<Order> => {
  need(p, 'supervision.respond');
  const o = await ports.store.order(input.id);
  if (!o || o.officeId !== p.officeId) throw new NotFoundError('督办单不存在');
  if (o.state === 'answered' || o.state === 'answered_late') throw new ConflictError('ORDER_ANSWERED', '该督办单已反馈');
  const now = ports.clock();
  const at = now.toISOString();
  const late = o.state === 'overdue' || at > o.deadlineAt;
  const next: Order = { ...o, state: late ? 'answered_late' : 'answered', response: { text: input.response, by: p.username, at } };
  const ok = await ports.store.updateOrder(next, o.rev, {
    events: [
      { caseId: o.caseId, at, key: `${o.id}-response`, type: 'order_response', by: p.username, note: `督办反馈${late ? '（逾期）' : ''}：${input.response}` },
    ],
    tallies: monthly(
      now,
      { officeId: o.officeId, itemCode: o.itemCode, staff: o.caseStaff, caseId: o.caseId },
      { ordersAnswered: 1, ...(late ? { ordersLate: 1 } : {}) },
    ),
    audits: [audit(p, 'supervision.order.respond', o, meta, late ? '逾期反馈' : '按期反馈')],
  });
  if (!ok) throw new ConflictError('ORDER_CHANGED', '督办单已有变化，请刷新后再操作');
  return { ...next, rev: o.rev + 1 };
};

export const listOrders = async (ports: Pick<OrderPorts, 'store'>, p: Principal, q: { state?: Order['state']; caseId?: string; officeId?: string }) => {
  need(p, 'alert.read');
  const officeId = sideOf(p) === 'office' ? p.officeId : q.officeId;
  return {
    orders: await ports.store.orders({ ...(officeId ? { officeId } : {}), ...(q.state ? { state: q.state } : {}), ...(q.caseId ? { caseId: q.caseId } : {}) }),
  };
};

export const getOrder = async (ports: Pick<OrderPorts, 'store'>, p: Principal, input: { id: string }) => {
  need(p, 'alert.read');
  return { order: visible(p, await ports.store.order(input.id)) };
};

/** 问责: the cases whose 督办 deadline passed unanswered (county-wide, or the caller's office). */
export const accountabilityList = async (ports: Pick<OrderPorts, 'store'>, p: Principal) => {
  need(p, 'alert.read');
  return { entries: await ports.store.accountability(sideOf(p) === 'office' ? p.officeId : undefined) };
};
