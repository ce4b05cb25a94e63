import { bjDay } from '../platform/beijing-time.ts';
import { ForbiddenError, RuleError, ValidationError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { type Calendar } from '../calendar/working-days.ts';
import { visibleOrNotFound } from './access.ts';
import { caseAudit, countWrites, retryWhileBusy } from './commit.ts';
import { dueOf, recomputeDue } from './due.ts';
import { STATUS_LABELS, type CaseRecord, type CaseStatus } from './model.ts';
import { staleVersion } from './conflicts.ts';
import { type CasePorts, type CounterAdd } from './ports.ts';
import { CASE_ACTIONS, heldBack, type LifecycleAction } from './transitions.ts';
import { inTransit } from './phases.ts';

/**
 * The actions on a case, by the state machine of transitions.ts. Each one: the caller needs the
 * action's scope and an office that holds the case, the case must be in a status the action
 * allows, and the write is conditional on the version the clerk saw — the second of two clerks
 * gets 409. Each commits the new case, a timeline event, its counters and one audit event.
 */
export type LifecyclePorts = Pick<CasePorts, 'cases' | 'catalog' | 'calendar' | 'clock' | 'reactions'>;

/** Every action names the case and the version the clerk saw. */
export interface ActionTarget {
  id: string;
  expectedVersion: number;
}

export interface Change {
  next: CaseRecord;
  event: string;
  note?: string;
  stats?: CounterAdd;
}

const act = async (
  action: LifecycleAction,
  ports: LifecyclePorts,
  p: Principal,
  input: ActionTarget,
  meta: RequestMeta,
  change: (c: CaseRecord, now: Date, cal: Calendar) => Promise<Change> | Change,
): Promise<CaseRecord> => {
  const spec = CASE_ACTIONS[action];
  if (!hasScope(p, spec.scope)) throw new ForbiddenError();
  const found = await ports.cases.get(input.id);
  const c = visibleOrNotFound(p, found?.record, true);
  if (c.version !== input.expectedVersion) throw staleVersion();
  if (!(spec.from as readonly CaseStatus[]).includes(c.status))
    throw new RuleError('INVALID_STATE', `办件当前为“${STATUS_LABELS[c.status]}”，不能${spec.label}`);
  const why = heldBack(c, action);
  if (why) throw new RuleError(inTransit(c) ? 'IN_TRANSIT' : 'HANDED_BACK', `${why}，${inTransit(c) ? '暂' : ''}不能${spec.label}`);
  const now = ports.clock();
  const { cal } = await ports.calendar();
  const ch = await change(c, now, cal);
  const next: CaseRecord = { ...ch.next, version: c.version + 1 };
  const writes = [
    { op: 'update', case: next, expectedVersion: input.expectedVersion, ...(found?.applicantHash ? { applicantHash: found.applicantHash } : {}) } as const,
    {
      op: 'event',
      caseId: c.id,
      version: next.version,
      event: { at: now.toISOString(), type: ch.event, by: p.username, byName: p.displayName, ...(ch.note ? { note: ch.note } : {}) },
    } as const,
    ...countWrites(next.officeId, bjDay(now), ch.stats),
    // what the contexts around a case add: 电子监察 looks again, texts to the applicant (受理 after
    // 补正, 办结 + 评价邀请, 送达), the archive's package after 办结/送达, the province's stage record
    ...ports.reactions(c, next, now),
  ];
  await retryWhileBusy(() => ports.cases.commit(writes, [caseAudit(p, `case.${action}`, c, meta)]));
  return next;
};

const pinnedItem = async (ports: LifecyclePorts, c: CaseRecord) => (await ports.catalog.getItemVersion(c.itemCode, c.itemVersion))?.item;

/**
 * 补正 as a change of the case, wherever the materials are brought (the window, or the village
 * agent for a commission: network/commissions.ts): still missing → 补正 recorded, the list shortened;
 * nothing missing → accepted on that day, the promise running from it.
 */
export const supplementChange = (
  c: CaseRecord,
  materials: ReadonlyArray<{ name: string; required: boolean }>,
  brought: readonly string[],
  now: Date,
  cal: Calendar,
  note?: string,
): Change => {
  const known = new Set(materials.map((m) => m.name));
  const foreign = brought.findIndex((m) => !known.has(m));
  if (foreign >= 0)
    throw new ValidationError('所勾选的材料不属于该事项', [{ path: `materialsReceived.${foreign}`, message: `“${brought[foreign]}”不是该事项的申请材料` }]);
  const received = [...new Set([...c.materialsReceived, ...brought])];
  const missing = materials.filter((m) => m.required && !received.includes(m.name)).map((m) => m.name);
  const by = note ? `${note}；` : '';
  if (missing.length) {
    return { next: { ...c, materialsReceived: received, missingMaterials: missing }, event: 'supplement_partial', note: `${by}仍缺：${missing.join('、')}` };
  }
  const day = bjDay(now);
  return {
    next: {
      ...c,
      materialsReceived: received,
      missingMaterials: [],
      status: 'accepted',
      acceptedAt: now.toISOString(),
      acceptedOn: day,
      ...dueOf({ kind: c.kind, promisedDays: c.promisedDays }, day, cal),
    },
    event: 'accepted',
    note: `${by}补正后受理`,
    stats: { taken: 1 },
  };
};

export const lifecycle = {
  /** 补正: the applicant brings what was missing; the day of the last supplement is the acceptance day. */
  supplement: (ports: LifecyclePorts, p: Principal, input: ActionTarget & { materialsReceived: string[] }, meta: RequestMeta) =>
    act('supplement', ports, p, input, meta, async (c, now, cal) =>
      supplementChange(c, (await pinnedItem(ports, c))?.materials ?? [], input.materialsReceived, now, cal),
    ),

  start: (ports: LifecyclePorts, p: Principal, input: ActionTarget, meta: RequestMeta) =>
    act('start', ports, p, input, meta, (c) => ({ next: { ...c, status: 'in_progress' }, event: 'started' })),

  /** 特别程序: one the item's guide lists, at most its days; its working days are not counted. */
  suspend: (ports: LifecyclePorts, p: Principal, input: ActionTarget & { procedure: string; expectedDays: number; notice: string }, meta: RequestMeta) =>
    act('suspend', ports, p, input, meta, async (c, now) => {
      const proc = (await pinnedItem(ports, c))?.specialProcedures.find((s) => s.name === input.procedure);
      if (!proc)
        throw new RuleError('UNKNOWN_PROCEDURE', `“${input.procedure}”不是该事项的特别程序`, [
          { path: 'procedure', message: '请选择该事项办事指南列明的特别程序' },
        ]);
      if (input.expectedDays > proc.maxDays)
        throw new RuleError('PROCEDURE_TOO_LONG', `${proc.name}最长 ${proc.maxDays} 天`, [{ path: 'expectedDays', message: `不能超过 ${proc.maxDays} 天` }]);
      return {
        next: {
          ...c,
          status: 'suspended',
          suspensions: [...c.suspensions, { procedure: proc.name, from: bjDay(now), expectedDays: input.expectedDays, notice: input.notice }],
        },
        event: 'suspended',
        note: `${proc.name}，预计 ${input.expectedDays} 天`,
      };
    }),

  /** Back to work: the due date moves out by the working days spent suspended. */
  resume: (ports: LifecyclePorts, p: Principal, input: ActionTarget, meta: RequestMeta) =>
    act('resume', ports, p, input, meta, (c, now, cal) => {
      const today = bjDay(now);
      const suspensions = c.suspensions.map((s, i) => (i === c.suspensions.length - 1 ? { ...s, to: today } : s));
      const resumed = { ...c, status: 'in_progress' as const, suspensions };
      return { next: { ...resumed, ...recomputeDue(resumed, cal, today) }, event: 'resumed' };
    }),

  /** 延期: once, never for 即办件, within the room between the promised and the statutory limit. */
  extend: (ports: LifecyclePorts, p: Principal, input: ActionTarget & { days: number; reason: string }, meta: RequestMeta) =>
    act('extend', ports, p, input, meta, (c, now, cal) => {
      if (c.extension) throw new RuleError('ALREADY_EXTENDED', '每件只能延期一次');
      if (c.kind === 'immediate') throw new RuleError('IMMEDIATE_NO_EXTENSION', '即办件不能延期');
      const room = Math.max(0, c.statutoryDays - c.promisedDays);
      if (input.days > room)
        throw new RuleError('EXTENSION_TOO_LONG', `延期不能超过法定时限，最多 ${room} 个工作日`, [{ path: 'days', message: `最多 ${room} 个工作日` }]);
      const extended = { ...c, extension: { days: input.days, reason: input.reason, approvedBy: p.username, at: now.toISOString() } };
      return { next: { ...extended, ...recomputeDue(extended, cal, bjDay(now)) }, event: 'extended', note: `延长 ${input.days} 个工作日：${input.reason}` };
    }),

  /** 办结: approved or refused (with a reason); counted on time or late, 即办件 also same day or not. */
  decide: (ports: LifecyclePorts, p: Principal, input: ActionTarget & { result: 'approved' | 'refused'; reason?: string }, meta: RequestMeta) =>
    act('decide', ports, p, input, meta, (c, now) => {
      // 联办: the lead closes the case when every part has answered
      const open = (c.tasks ?? []).filter((t) => t.kind === 'joint' && t.phase !== 'answered');
      if (open.length) throw new RuleError('JOINT_PARTS_OPEN', `联办尚有 ${open.length} 个机构未答复，不能办结`);
      const at = now.toISOString();
      const onTime = !c.dueAt || at <= c.dueAt;
      const sameDay = c.kind === 'immediate' && c.acceptedOn === bjDay(now);
      return {
        next: {
          ...c,
          status: 'decided',
          decision: { result: input.result, ...(input.reason ? { reason: input.reason } : {}), at, onTime, by: p.username },
          ...(c.kind === 'immediate' && !sameDay ? { immediateLate: true } : {}),
        },
        event: input.result === 'approved' ? 'approved' : 'refused',
        ...(input.reason ? { note: input.reason } : {}),
        stats: { ...(onTime ? { decidedOnTime: 1 } : { decidedLate: 1 }), ...(sameDay ? { immediateSameDay: 1 } : {}) },
      };
    }),

  fees: (ports: LifecyclePorts, p: Principal, input: ActionTarget & { amount: number; receiptNo: string }, meta: RequestMeta) =>
    act('fees', ports, p, input, meta, async (c, now) => {
      if (!(await pinnedItem(ports, c))?.fee.charged)
        throw new RuleError('FEES_NOT_ALLOWED', '该事项不收费，不能登记收费', [{ path: 'amount', message: '不收费事项不能登记收费' }]);
      return {
        next: { ...c, fees: { amount: input.amount, receiptNo: input.receiptNo, at: now.toISOString() } },
        event: 'fees',
        note: `${input.amount} 元，票据 ${input.receiptNo}`,
      };
    }),

  deliver: (ports: LifecyclePorts, p: Principal, input: ActionTarget & { method: 'pickup' | 'post' | 'e_notice'; signedBy: string }, meta: RequestMeta) =>
    act('deliver', ports, p, input, meta, (c, now) => ({
      next: { ...c, status: 'delivered', delivery: { method: input.method, signedBy: input.signedBy, at: now.toISOString() } },
      event: 'delivered',
      note: `${{ pickup: '自取', post: '邮寄', e_notice: '电子告知' }[input.method]}，签收：${input.signedBy}`,
    })),

  withdraw: (ports: LifecyclePorts, p: Principal, input: ActionTarget & { reason: string }, meta: RequestMeta) =>
    act('withdraw', ports, p, input, meta, (c, now) => ({
      next: { ...c, status: 'withdrawn', withdrawal: { reason: input.reason, at: now.toISOString() } },
      event: 'withdrawn',
      note: input.reason,
    })),
} satisfies Record<LifecycleAction, unknown>;
