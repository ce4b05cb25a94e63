import { bjDay, bjEndOfDay } from '../platform/beijing-time.ts';
import { randomUUID } from 'node:crypto';
import { RuleError } from '../errors/domain-errors.ts';
import type { Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { addWorkdays } from '../calendar/working-days.ts';
import { visibleOrNotFound } from '../cases/access.ts';
import { caseAudit, retryWhileBusy } from '../cases/commit.ts';
import { STATUS_LABELS, type CaseRecord, type CaseStatus } from '../cases/model.ts';
import { staleVersion } from '../cases/conflicts.ts';
import { CASE_ACTIONS } from '../cases/transitions.ts';
import { checkAction, eventWrite, needScope, receivingOffice, updateWrites, withParty } from './common.ts';
import type { HopMessage } from './messages.ts';
import { TASK_KIND_LABELS, type TaskKind } from '../cases/hop-labels.ts';
import { type Attachment, type CaseTask } from '../cases/hops.ts';
import { officeNames } from '../offices/offices.ts';
import { phaseDue } from '../cases/phases.ts';
import type { NetworkPorts } from './ports.ts';

/**
 * 交办 of a task (实地核查, 初审意见) and 联办 parts: the office holding a case sends a part of
 * the work to another office, which signs for it, does it and answers with the result and the
 * attachments' descriptions; the holder goes on. Each part has its own limit inside the case's:
 * a part can never be due after the citizen's promise.
 */
type Ports = Pick<NetworkPorts, 'cases' | 'calendar' | 'clock' | 'offices' | 'hops' | 'limits' | 'reactions'>;

const taskMessage = (c: CaseRecord, k: CaseTask): HopMessage => ({
  type: 'task',
  hopId: k.id,
  caseId: c.id,
  taskId: k.id,
  sentAt: k.sentAt,
  by: k.by,
  ...(k.byName ? { byName: k.byName } : {}),
  fromOfficeId: k.fromOfficeId,
  toOfficeId: k.toOfficeId,
});
const answerMessage = (c: CaseRecord, k: CaseTask): HopMessage => ({
  type: 'task_answer',
  hopId: k.answer!.id,
  caseId: c.id,
  taskId: k.id,
  sentAt: k.answer!.at,
  by: k.answer!.by,
  ...(k.answer!.byName ? { byName: k.answer!.byName } : {}),
  fromOfficeId: k.toOfficeId,
  toOfficeId: k.fromOfficeId,
});

const withTask = (c: CaseRecord, k: CaseTask): CaseRecord => ({ ...c, tasks: (c.tasks ?? []).map((x) => (x.id === k.id ? k : x)), version: c.version + 1 });

/** The task of a case addressed to the caller's office. */
const taskFor = (c: CaseRecord, taskId: string, p: Principal): CaseTask => {
  const k = (c.tasks ?? []).find((x) => x.id === taskId);
  if (!k || k.toOfficeId !== p.officeId) throw new RuleError('NO_SUCH_TASK', '该办件没有交给本机构的这项任务');
  const spec = CASE_ACTIONS.taskReceive;
  if (!(spec.from as readonly CaseStatus[]).includes(c.status)) throw new RuleError('INVALID_STATE', `办件当前为“${STATUS_LABELS[c.status]}”，任务已不需办理`);
  return k;
};

export const assignTask = async (
  ports: Ports,
  p: Principal,
  input: { id: string; expectedVersion: number; toOfficeId: string; kind: TaskKind; title: string; days: number },
  meta: RequestMeta,
) => {
  needScope(p, CASE_ACTIONS.assign.scope);
  const found = await ports.cases.get(input.id);
  const c = visibleOrNotFound(p, found?.record, true);
  checkAction('assign', c, input.expectedVersion);
  const to = await receivingOffice(ports.offices, input.toOfficeId, p.officeId);
  if ((c.tasks ?? []).some((x) => x.toOfficeId === to.id && x.kind === input.kind && x.phase !== 'answered'))
    throw new RuleError('TASK_OPEN', `已向该机构交办${TASK_KIND_LABELS[input.kind]}，尚未答复`, [
      { path: 'toOfficeId', message: '该机构已有未答复的同类任务' },
    ]);
  const now = ports.clock();
  const { cal } = await ports.calendar();
  const due = addWorkdays(bjDay(now), input.days, cal).dueDate;
  const dueAt = bjEndOfDay(due);
  if (c.dueAt && dueAt > c.dueAt)
    throw new RuleError('TASK_PAST_CASE_DUE', `任务时限不能超过办件的承诺办结日（${c.dueDate}）`, [
      { path: 'days', message: `须在 ${c.dueDate} 之前完成，请缩短时限` },
    ]);
  const sentAt = now.toISOString();
  const task: CaseTask = {
    id: randomUUID(),
    kind: input.kind,
    title: input.title,
    fromOfficeId: p.officeId,
    toOfficeId: to.id,
    by: p.username,
    byName: p.displayName,
    sentAt,
    receiveDueAt: phaseDue(sentAt, ports.limits.receiveWorkdays, cal),
    dueDate: due,
    dueAt,
    phase: 'sent',
  };
  const next: CaseRecord = { ...c, parties: withParty(c, to.id), tasks: [...(c.tasks ?? []), task], version: c.version + 1 };
  await retryWhileBusy(() =>
    ports.cases.commit(
      [...updateWrites(ports, found!, next, ports.clock())],
      [{ ...caseAudit(p, 'case.task', c, meta), detail: `${c.number} ${input.kind} → ${to.id}` }],
    ),
  );
  await ports.hops.send(taskMessage(next, task));
  return { taskId: task.id, case: next };
};

/** 签收 of a task: the receiving office takes it on; it leaves the inbox. */
export const receiveTask = async (ports: Ports, p: Principal, input: { id: string; taskId: string; expectedVersion: number }, meta: RequestMeta) => {
  needScope(p, CASE_ACTIONS.taskReceive.scope);
  const found = await ports.cases.get(input.id);
  const c = visibleOrNotFound(p, found?.record);
  const k = taskFor(c, input.taskId, p);
  if (k.phase !== 'sent' && k.phase !== 'delivered') throw new RuleError('ALREADY_RECEIVED', '该任务已签收');
  if (c.version !== input.expectedVersion) throw staleVersion();
  const at = ports.clock().toISOString();
  const name = await officeNames(ports.offices);
  const next = withTask(c, { ...k, phase: 'received', receivedAt: at, receivedBy: p.username });
  await retryWhileBusy(() =>
    ports.cases.commit(
      [
        ...updateWrites(ports, found!, next, ports.clock()),
        eventWrite(next, {
          at,
          type: 'task_received',
          by: p.username,
          byName: p.displayName,
          fromOfficeId: k.fromOfficeId,
          toOfficeId: k.toOfficeId,
          note: `${name(k.toOfficeId)} 签收 ${name(k.fromOfficeId)} 交办的${TASK_KIND_LABELS[k.kind]}`,
        }),
        { op: 'inbox-delete', entry: { officeId: k.toOfficeId, kind: 'task', sentAt: k.sentAt, refId: k.id } },
      ],
      [caseAudit(p, 'case.task-receive', c, meta)],
    ),
  );
  return next;
};

/** The answer: the result and what is attached (described), back to the office that sent the task. */
export const answerTask = async (
  ports: Ports,
  p: Principal,
  input: { id: string; taskId: string; expectedVersion: number; result: string; attachments: Attachment[] },
  meta: RequestMeta,
) => {
  needScope(p, CASE_ACTIONS.taskAnswer.scope);
  const found = await ports.cases.get(input.id);
  const c = visibleOrNotFound(p, found?.record);
  const k = taskFor(c, input.taskId, p);
  if (k.phase === 'answering' && c.version === input.expectedVersion) {
    await ports.hops.send(answerMessage(c, k));
    return { answerId: k.answer!.id, case: c };
  }
  if (k.phase !== 'received')
    throw new RuleError(k.phase === 'answered' ? 'ALREADY_ANSWERED' : 'NOT_RECEIVED', k.phase === 'answered' ? '该任务已答复' : '请先签收该任务');
  if (c.version !== input.expectedVersion) throw staleVersion();
  const answered: CaseTask = {
    ...k,
    phase: 'answering',
    answer: { id: randomUUID(), result: input.result, attachments: input.attachments, by: p.username, byName: p.displayName, at: ports.clock().toISOString() },
  };
  const next = withTask(c, answered);
  await retryWhileBusy(() => ports.cases.commit([...updateWrites(ports, found!, next, ports.clock())], [caseAudit(p, 'case.task-answer', c, meta)]));
  await ports.hops.send(answerMessage(next, answered));
  return { answerId: answered.answer!.id, case: next };
};
