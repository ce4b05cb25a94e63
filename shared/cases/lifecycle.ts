import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ConflictError, RuleError } from '../errors/domain-errors.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import type { Principal } from '../identity/principal.ts';
import type { Clock } from '../platform/clock.ts';
import type { CatalogReader } from '../catalog/reader.ts';
import { chinaDate, dueDateWithSuspensions, endOfChinaDay, type Calendar } from '../calendar/working-days.ts';
import { casesRepo, casePutIfVersion, eventPut, statsUpdate } from './repo.ts';
import { visibleOrNotFound } from './access.ts';
import { dueOf, type Meta } from './intake.ts';
import { STATUS_LABELS, type CaseRecord, type CaseStatus } from './model.ts';

/**
 * The actions on an accepted case. Each one: the actor's office must hold the case, the case must
 * be in a state that allows it, and the write is conditional on the version the clerk saw — the
 * second of two clerks gets 409. Each adds a timeline event and an audit event.
 */
export interface LifecyclePorts {
  catalog: CatalogReader;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
}

interface Change {
  next: CaseRecord;
  event: string;
  note?: string;
  stats?: Partial<Record<'taken' | 'decidedOnTime' | 'decidedLate' | 'immediateSameDay', number>>;
}

const ACTION_LABELS: Record<string, string> = {
  supplement: '补正受理',
  start: '开始办理',
  suspend: '进入特别程序',
  resume: '恢复办理',
  extend: '延期',
  decide: '办结',
  fees: '登记收费',
  deliver: '送达',
  withdraw: '撤回',
};

const act = async (
  action: string,
  allowed: readonly CaseStatus[],
  p: Principal,
  id: string,
  expectedVersion: number,
  meta: Meta,
  ports: LifecyclePorts,
  change: (c: CaseRecord, now: Date, cal: Calendar) => Promise<Change> | Change,
): Promise<CaseRecord> => {
  const found = await casesRepo.get(id);
  const c = visibleOrNotFound(p, found?.record, true);
  if (c.version !== expectedVersion) throw new ConflictError('STALE_VERSION', '办件已被他人更新，请刷新后再操作');
  if (!allowed.includes(c.status)) throw new RuleError('INVALID_STATE', `办件当前为“${STATUS_LABELS[c.status]}”，不能${ACTION_LABELS[action]}`);
  const now = ports.clock();
  const { cal } = await ports.calendar();
  const ch = await change(c, now, cal);
  const next: CaseRecord = { ...ch.next, version: c.version + 1 };
  const day = chinaDate(now);
  try {
    await casesRepo.transact([
      casePutIfVersion(next, expectedVersion, found?.applicantHash),
      eventPut(id, { at: now.toISOString(), type: ch.event, by: p.username, ...(ch.note ? { note: ch.note } : {}) }),
      ...(ch.stats ? [statsUpdate(next.officeId, day, ch.stats), statsUpdate('*', day, ch.stats)] : []),
      auditPut({ actor: { userId: p.userId, username: p.username, officeId: p.officeId }, action: `case.${action}`, target: { type: 'case', id }, result: 'success', ...meta, detail: c.number }, now),
    ]);
  } catch (e) {
    if (e instanceof TransactionCanceledException && e.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
      throw new ConflictError('STALE_VERSION', '办件已被他人更新，请刷新后再操作');
    throw e;
  }
  return next;
};

/** Due date from acceptance, the suspensions so far and an approved extension. */
const recompute = (c: CaseRecord, cal: Calendar, today: string) => {
  if (!c.acceptedOn || c.kind === 'immediate') return {};
  const d = dueDateWithSuspensions(c.acceptedOn, c.promisedDays + (c.extension?.days ?? 0), c.suspensions.map((s) => ({ from: s.from, ...(s.to ? { to: s.to } : {}) })), cal, today);
  return { dueDate: d.dueDate, dueAt: endOfChinaDay(d.dueDate), dueProvisional: d.provisional };
};

export const lifecycle = {
  /** 补正: the applicant brings what was missing; the day of the last supplement is the acceptance day. */
  supplement: (p: Principal, id: string, b: { expectedVersion: number; materialsReceived: string[] }, meta: Meta, ports: LifecyclePorts) =>
    act('supplement', ['awaiting_supplement'], p, id, b.expectedVersion, meta, ports, async (c, now, cal) => {
      const pinned = await ports.catalog.getItemVersion(c.itemCode, c.itemVersion);
      const received = [...new Set([...c.materialsReceived, ...b.materialsReceived])];
      const missing = (pinned?.item.materials ?? []).filter((m) => m.required && !received.includes(m.name)).map((m) => m.name);
      if (missing.length) {
        return { next: { ...c, materialsReceived: received, missingMaterials: missing }, event: 'supplement_partial', note: `仍缺：${missing.join('、')}` };
      }
      const day = chinaDate(now);
      return {
        next: { ...c, materialsReceived: received, missingMaterials: [], status: 'accepted', acceptedAt: now.toISOString(), acceptedOn: day, ...dueOf({ kind: c.kind, promisedDays: c.promisedDays }, day, cal) },
        event: 'accepted',
        note: '补正后受理',
        stats: { taken: 1 },
      };
    }),

  start: (p: Principal, id: string, b: { expectedVersion: number }, meta: Meta, ports: LifecyclePorts) =>
    act('start', ['accepted'], p, id, b.expectedVersion, meta, ports, (c) => ({ next: { ...c, status: 'in_progress' }, event: 'started' })),

  suspend: (p: Principal, id: string, b: { expectedVersion: number; procedure: string; expectedDays: number; notice: string }, meta: Meta, ports: LifecyclePorts) =>
    act('suspend', ['accepted', 'in_progress'], p, id, b.expectedVersion, meta, ports, async (c, now) => {
      const pinned = await ports.catalog.getItemVersion(c.itemCode, c.itemVersion);
      const proc = pinned?.item.specialProcedures.find((s) => s.name === b.procedure);
      if (!proc) throw new RuleError('UNKNOWN_PROCEDURE', `“${b.procedure}”不是该事项的特别程序`, [{ path: 'procedure', message: '请选择该事项办事指南列明的特别程序' }]);
      if (b.expectedDays > proc.maxDays) throw new RuleError('PROCEDURE_TOO_LONG', `${proc.name}最长 ${proc.maxDays} 天`, [{ path: 'expectedDays', message: `不能超过 ${proc.maxDays} 天` }]);
      return {
        next: { ...c, status: 'suspended', suspensions: [...c.suspensions, { procedure: proc.name, from: chinaDate(now), expectedDays: b.expectedDays, notice: b.notice }] },
        event: 'suspended',
        note: `${proc.name}，预计 ${b.expectedDays} 天`,
      };
    }),

  resume: (p: Principal, id: string, b: { expectedVersion: number }, meta: Meta, ports: LifecyclePorts) =>
    act('resume', ['suspended'], p, id, b.expectedVersion, meta, ports, (c, now, cal) => {
      const today = chinaDate(now);
      const suspensions = c.suspensions.map((s, i) => (i === c.suspensions.length - 1 ? { ...s, to: today } : s));
      const resumed = { ...c, status: 'in_progress' as const, suspensions };
      return { next: { ...resumed, ...recompute(resumed, cal, today) }, event: 'resumed' };
    }),

  extend: (p: Principal, id: string, b: { expectedVersion: number; days: number; reason: string }, meta: Meta, ports: LifecyclePorts) =>
    act('extend', ['accepted', 'in_progress'], p, id, b.expectedVersion, meta, ports, (c, now, cal) => {
      if (c.extension) throw new RuleError('ALREADY_EXTENDED', '每件只能延期一次');
      if (c.kind === 'immediate') throw new RuleError('IMMEDIATE_NO_EXTENSION', '即办件不能延期');
      const room = Math.max(0, c.statutoryDays - c.promisedDays);
      if (b.days > room) throw new RuleError('EXTENSION_TOO_LONG', `延期不能超过法定时限，最多 ${room} 个工作日`, [{ path: 'days', message: `最多 ${room} 个工作日` }]);
      const extended = { ...c, extension: { days: b.days, reason: b.reason, approvedBy: p.username, at: now.toISOString() } };
      return { next: { ...extended, ...recompute(extended, cal, chinaDate(now)) }, event: 'extended', note: `延长 ${b.days} 个工作日：${b.reason}` };
    }),

  decide: (p: Principal, id: string, b: { expectedVersion: number; result: 'approved' | 'refused'; reason?: string }, meta: Meta, ports: LifecyclePorts) =>
    act('decide', ['accepted', 'in_progress'], p, id, b.expectedVersion, meta, ports, (c, now) => {
      const at = now.toISOString();
      const onTime = !c.dueAt || at <= c.dueAt;
      const sameDay = c.kind === 'immediate' && c.acceptedOn === chinaDate(now);
      return {
        next: { ...c, status: 'decided', decision: { result: b.result, ...(b.reason ? { reason: b.reason } : {}), at, onTime, by: p.username }, ...(c.kind === 'immediate' && !sameDay ? { immediateLate: true } : {}) },
        event: b.result === 'approved' ? 'approved' : 'refused',
        ...(b.reason ? { note: b.reason } : {}),
        stats: { ...(onTime ? { decidedOnTime: 1 } : { decidedLate: 1 }), ...(sameDay ? { immediateSameDay: 1 } : {}) },
      };
    }),

  fees: (p: Principal, id: string, b: { expectedVersion: number; amount: number; receiptNo: string }, meta: Meta, ports: LifecyclePorts) =>
    act('fees', ['accepted', 'in_progress', 'decided'], p, id, b.expectedVersion, meta, ports, async (c, now) => {
      const pinned = await ports.catalog.getItemVersion(c.itemCode, c.itemVersion);
      if (!pinned?.item.fee.charged) throw new RuleError('FEES_NOT_ALLOWED', '该事项不收费，不能登记收费', [{ path: 'amount', message: '不收费事项不能登记收费' }]);
      return { next: { ...c, fees: { amount: b.amount, receiptNo: b.receiptNo, at: now.toISOString() } }, event: 'fees', note: `${b.amount} 元，票据 ${b.receiptNo}` };
    }),

  deliver: (p: Principal, id: string, b: { expectedVersion: number; method: 'pickup' | 'post' | 'e_notice'; signedBy: string }, meta: Meta, ports: LifecyclePorts) =>
    act('deliver', ['decided'], p, id, b.expectedVersion, meta, ports, (c, now) => ({
      next: { ...c, status: 'delivered', delivery: { method: b.method, signedBy: b.signedBy, at: now.toISOString() } },
      event: 'delivered',
      note: `${{ pickup: '自取', post: '邮寄', e_notice: '电子告知' }[b.method]}，签收：${b.signedBy}`,
    })),

  withdraw: (p: Principal, id: string, b: { expectedVersion: number; reason: string }, meta: Meta, ports: LifecyclePorts) =>
    act('withdraw', ['awaiting_supplement', 'accepted', 'in_progress', 'suspended'], p, id, b.expectedVersion, meta, ports, (c, now) => ({
      next: { ...c, status: 'withdrawn', withdrawal: { reason: b.reason, at: now.toISOString() } },
      event: 'withdrawn',
      note: b.reason,
    })),
};
