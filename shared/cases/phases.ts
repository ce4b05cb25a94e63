import { bjDay, bjEndOfDay } from '../platform/beijing-time.ts';
import { addWorkdays, type Calendar } from '../calendar/working-days.ts';
import { holderOf } from './access.ts';
import type { CaseRecord } from './model.ts';
import type { Commission } from './hops.ts';

/**
 * Phase limits of the hops, in working days (county setting `phaseLimits`): the sender hands a
 * case over within `handOver` of getting it (accepted, decided, result back), the receiver signs
 * within `receive` of its sending. The case's own due date stays the citizen's promise.
 */
export interface PhaseLimits {
  handOverWorkdays: number;
  receiveWorkdays: number;
}
export const DEFAULT_PHASE_LIMITS: PhaseLimits = { handOverWorkdays: 1, receiveWorkdays: 1 };

/** The end (Beijing) of the working day `workdays` after the day of `fromIso`. */
export const phaseDue = (fromIso: string, workdays: number, cal: Calendar): string => bjEndOfDay(addWorkdays(bjDay(new Date(fromIso)), workdays, cal).dueDate);

/** A hop in flight: nobody acts on the case until it lands (or it is sent again). */
export const inTransit = (c: Pick<CaseRecord, 'transfer' | 'handBack'>): string | undefined => {
  const t = c.transfer;
  if (t && (t.phase === 'sent' || t.phase === 'delivered')) return '办件已转报，待对方签收';
  if (t?.phase === 'returning') return '办件正在回复途中';
  if (c.handBack?.phase === 'sent') return '办理结果正在回交代办点';
  return undefined;
};

/**
 * The phase a case is in on the network and its limit, for both offices to see. `late` is what
 * supervision cards. Undefined when no hop is pending (the case's own due date then applies).
 */
export interface Phase {
  name: 'forward' | 'receive' | 'return' | 'hand_back' | 'task_receive' | 'task_answer';
  label: string;
  /** The office that must act. */
  officeId: string;
  dueAt: string;
  late: boolean;
}

export const phasesOf = (c: CaseRecord, now: Date, cal: Calendar, limits: PhaseLimits): Phase[] => {
  const out: Phase[] = [];
  const nowIso = now.toISOString();
  const push = (name: Phase['name'], label: string, officeId: string, dueAt: string) => out.push({ name, label, officeId, dueAt, late: nowIso > dueAt });
  const t = c.transfer;
  const open = c.status === 'accepted' || c.status === 'in_progress' || c.status === 'suspended';
  if (c.routedTo && c.routedTo !== holderOf(c) && !t && open && c.acceptedAt)
    push('forward', '待转报', holderOf(c), phaseDue(c.acceptedAt, limits.handOverWorkdays, cal));
  if (t && (t.phase === 'sent' || t.phase === 'delivered')) push('receive', '待签收', t.toOfficeId, t.receiveDueAt);
  if (t?.phase === 'received' && c.status === 'decided' && c.decision)
    push('return', '待回复', t.toOfficeId, phaseDue(c.decision.at, limits.handOverWorkdays, cal));
  const settled = (c.status === 'decided' || c.status === 'not_accepted') && (!t || t.phase === 'returned');
  if (c.commission && settled && !c.handBack)
    push('hand_back', '待回交', holderOf(c), phaseDue(t?.returnedAt ?? c.decision?.at ?? c.createdAt, limits.handOverWorkdays, cal));
  for (const k of c.tasks ?? []) {
    if (k.phase === 'sent' || k.phase === 'delivered') push('task_receive', `交办待签收：${k.title}`, k.toOfficeId, k.receiveDueAt);
    if (k.phase === 'received') push('task_answer', `交办待办结：${k.title}`, k.toOfficeId, k.dueAt);
  }
  return out;
};

/** A commission waiting for its township: late after the 签收 limit. */
export const commissionLate = (c: Pick<Commission, 'status' | 'takeInDueAt'>, now: Date): boolean =>
  c.status === 'submitted' && now.toISOString() > c.takeInDueAt;
