import { bjDay, bjEndOfDay } from '../platform/beijing-time.ts';
import { addWorkdays } from '../calendar/working-days.ts';
import { canSee } from '../cases/access.ts';
import type { CaseRecord } from '../cases/model.ts';
import { ForbiddenError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import { INBOX_LABELS } from '../cases/hop-labels.ts';
import type { InboxEntry } from '../cases/hops.ts';
import { officeById, officeNames } from '../offices/offices.ts';
import { phaseDue, phasesOf } from '../cases/phases.ts';
import { HOME_VISIT_REASONS } from '../hall/model.ts';
import { TODO_KINDS, type Todo, type TodoCounts, type TodoKind, type TodoList } from './model.ts';
import type { TodoPorts } from './ports.ts';

/**
 * 待办: what the signed-in person must do next, each with its deadline and the page that does it,
 * most urgent first, and the counts for the menu. Derived at each request from the records that
 * are the truth (nothing stored for it), and only ever about the caller's own office — or, for a
 * village agent, the agent's own commissions; county-wide only what a supervisor decides.
 */

/** Bounds of each read (a list for a person, not a report): the newest this many of each source. */
const INBOX_LIMIT = 100;
const HELD_LIMIT = 100;
/** A not-accepted commission is handed back within a working day: only the newest are looked at. */
const REFUSED_LIMIT = 30;
/** A station's open home visits: a village's few a month. */
const VISIT_LIMIT = 100;

const KIND_ORDER = new Map<TodoKind, number>(TODO_KINDS.map((k, i) => [k, i]));

const caseLink = (caseId: string) => `/cases/${caseId}`;
const commissionLink = (id: string) => `/commissions/${id}`;

const signFor = (e: InboxEntry, name: (id: string) => string, now: string): Todo => ({
  kind: 'sign_for',
  label: `待签收：${INBOX_LABELS[e.kind]}`,
  caseId: e.caseId ?? null,
  ...(e.commissionId ? { commissionId: e.commissionId } : {}),
  number: e.number,
  itemName: e.title ? `${e.itemName}（${e.title}）` : e.itemName,
  applicantName: e.applicantName,
  due: e.dueAt,
  late: now > e.dueAt,
  detail: `来自${name(e.fromOfficeId)}`,
  link: e.kind === 'commission' && e.commissionId ? commissionLink(e.commissionId) : caseLink(e.caseId ?? ''),
});

const ofCase = (c: CaseRecord, kind: TodoKind, label: string, due: string, now: string, over: Partial<Todo> = {}): Todo => ({
  kind,
  label,
  caseId: c.id,
  number: c.number,
  itemName: c.itemName,
  applicantName: c.applicant.nameMasked,
  due,
  late: now > due,
  link: caseLink(c.id),
  ...over,
});

const byUrgency = (a: Todo, b: Todo): number =>
  a.due.localeCompare(b.due) || (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || a.number.localeCompare(b.number);

export const countsOf = (todos: readonly Todo[]): TodoCounts => {
  const counts = Object.fromEntries(TODO_KINDS.map((k) => [k, 0])) as TodoCounts;
  for (const t of todos) counts[t.kind] += 1;
  counts.total = todos.length;
  counts.late = todos.filter((t) => t.late).length;
  return counts;
};

export const listTodos = async (ports: TodoPorts, p: Principal): Promise<TodoList> => {
  if (!hasScope(p, 'session')) throw new ForbiddenError();
  const { sources } = ports;
  const { cal } = await ports.calendar();
  const nowDate = ports.clock();
  const now = nowDate.toISOString();
  const name = await officeNames(ports.offices);
  const office = await officeById(ports.offices, p.officeId);
  /** 待补正 has no statutory limit: it is due like a hop, the hand-over limit after the notice. */
  const supplementDue = (c: CaseRecord) => phaseDue(c.createdAt, ports.limits.handOverWorkdays, cal);
  const missingOf = (c: CaseRecord) => ({ missing: c.missingMaterials, detail: `缺：${c.missingMaterials.join('、')}` });
  const reads: Array<Promise<Todo[]>> = [];

  if (office?.kind === 'village' && hasScope(p, 'commission.create')) {
    // the village agent: results handed back to deliver, and the own commissions the township put in 待补正
    reads.push(
      sources
        .waiting(p.officeId, 'handback', INBOX_LIMIT)
        .then((es) =>
          es.map((e) => ({ ...signFor(e, name, now), kind: 'hand_back' as const, label: '回交待送达', link: commissionLink(e.commissionId ?? '') })),
        ),
    );
    // 上门服务 the township sent this village's agent, due at the end of its day
    reads.push(
      sources.openHomeVisits(p.officeId, VISIT_LIMIT).then((vs) =>
        vs
          .filter((v) => v.stationId === p.officeId)
          .map((v) => {
            const due = bjEndOfDay(v.date);
            return {
              kind: 'home_visit' as const,
              label: `上门服务：${HOME_VISIT_REASONS[v.reason]}`,
              caseId: null,
              visitId: v.id,
              number: v.date,
              itemName: v.itemName ?? v.need,
              applicantName: v.name,
              due,
              late: now > due,
              detail: `${v.address}；${v.need}`,
              link: '/agent?tab=visits',
            };
          }),
      ),
    );
    if (office.parentId)
      reads.push(
        sources.held(office.parentId, 'awaiting_supplement', HELD_LIMIT).then((cs) =>
          cs
            .filter((c) => c.commission?.agentId === p.userId && c.commission.stationId === p.officeId && canSee(p, c))
            .map((c) =>
              ofCase(c, 'supplement', '待补正：请补交材料', supplementDue(c), now, {
                ...missingOf(c),
                commissionId: c.commission!.id,
                link: commissionLink(c.commission!.id),
              }),
            ),
        ),
      );
  } else if (hasScope(p, 'case.handle') || hasScope(p, 'case.accept')) {
    // an office that takes in and handles cases: its inbox, its 待补正, the hops it owes, what is due
    for (const kind of ['case', 'task', 'commission'] as const)
      reads.push(sources.waiting(p.officeId, kind, INBOX_LIMIT).then((es) => es.map((e) => signFor(e, name, now))));
    reads.push(
      sources
        .held(p.officeId, 'awaiting_supplement', HELD_LIMIT)
        .then((cs) =>
          cs
            .filter((c) => canSee(p, c))
            .map((c) => ofCase(c, 'supplement', c.commission ? '待补正：待代办员补交' : '待补正：待申请人补交', supplementDue(c), now, missingOf(c))),
        ),
    );
    // hop deadlines this office owes: 待转报 (accepted here, decided elsewhere), 待回复, 待回交
    const owed = (cs: CaseRecord[]) =>
      cs
        .filter((c) => canSee(p, c))
        .flatMap((c) =>
          phasesOf(c, nowDate, cal, ports.limits)
            .filter((ph) => ph.officeId === p.officeId && (ph.name === 'forward' || ph.name === 'return' || ph.name === 'hand_back'))
            .map((ph) => ofCase(c, 'hand_back', ph.label, ph.dueAt, now, c.commission ? { detail: `代办件 ${c.commission.number}` } : {})),
        );
    reads.push(sources.held(p.officeId, 'accepted', HELD_LIMIT).then(owed));
    reads.push(sources.held(p.officeId, 'decided', HELD_LIMIT).then(owed));
    reads.push(sources.held(p.officeId, 'not_accepted', REFUSED_LIMIT).then(owed));
    // within a working day of the promised date (or past it)
    const horizon = bjEndOfDay(addWorkdays(bjDay(nowDate), 1, cal).dueDate);
    reads.push(
      sources
        .dueBy(p.officeId, horizon)
        .then((cs) => cs.filter((c) => canSee(p, c) && c.dueAt).map((c) => ofCase(c, 'due_soon', now > c.dueAt! ? '已超期' : '临近承诺期限', c.dueAt!, now))),
    );
  }

  if (hasScope(p, 'supervision.respond'))
    reads.push(
      sources.unansweredOrders(p.officeId).then((os) =>
        os
          .filter((o) => o.officeId === p.officeId)
          .map((o) => ({
            kind: 'order' as const,
            label: o.state === 'overdue' ? '督办逾期未反馈' : '督办待反馈',
            caseId: o.caseId,
            orderId: o.id,
            number: o.caseNumber,
            itemName: o.itemName,
            due: o.deadlineAt,
            late: now > o.deadlineAt,
            detail: o.requirement,
            link: '/supervision/orders',
          })),
      ),
    );
  if (hasScope(p, 'rating.rectify'))
    reads.push(
      sources.openRatingTasks(p.officeId).then((ts) =>
        ts
          .filter((t) => t.officeId === p.officeId && t.status === 'open')
          .map((t) => {
            const due = t.callback ? t.rectifyDueAt : t.callbackDueAt;
            return {
              kind: 'rectify' as const,
              label: t.callback ? '差评待整改' : '差评待回访',
              caseId: t.caseId,
              number: t.number,
              itemName: t.itemName,
              due,
              late: now > due,
              detail: t.reason,
              link: `/ratings/tasks/${t.caseId}`,
            };
          }),
      ),
    );
  if (hasScope(p, 'rating.review'))
    // the supervisor decides the offices' appeals against a 差评, county-wide
    reads.push(
      sources.openRatingTasks(undefined).then((ts) =>
        ts
          .filter((t) => t.status === 'appealed')
          .map((t) => ({
            kind: 'rectify' as const,
            label: '差评申诉待复核',
            caseId: t.caseId,
            number: t.number,
            itemName: t.itemName,
            due: t.rectifyDueAt,
            late: now > t.rectifyDueAt,
            detail: `${name(t.officeId)}：${t.appeal?.reason ?? ''}`,
            link: `/ratings/tasks/${t.caseId}`,
          })),
      ),
    );

  const todos = (await Promise.all(reads)).flat().sort(byUrgency);
  return { todos, counts: countsOf(todos) };
};
