import { NotFoundError } from '../errors/domain-errors.ts';
import { holderOf } from '../cases/access.ts';
import { MAX_ATTEMPTS, pauseBeforeRetry } from '../cases/commit.ts';
import type { CaseRecord } from '../cases/model.ts';
import { CASE_CONFLICT, isConflict } from '../cases/conflicts.ts';
import { type CaseReactions, type CaseWrite, type StoredCase } from '../cases/ports.ts';
import type { HopMessage } from './messages.ts';
import { TASK_KIND_LABELS } from '../cases/hop-labels.ts';
import { type InboxEntry } from '../cases/hops.ts';
import { officeNames } from '../offices/offices.ts';
import type { NetworkPorts } from './ports.ts';

/**
 * The consumer side of every hop: lands a message from the delegation queue. Idempotent by state:
 * a hop is applied only while its record still waits for exactly this message (its id, its
 * phase), the write is conditional on the version read, and its timeline event is keyed by the
 * message id — a message delivered three times changes the case once. A message naming no record
 * throws: SQS delivers it again and, after maxReceiveCount, rests it in the DLQ (alarmed).
 */
export type ApplyResult = 'applied' | 'duplicate';
type Ports = Pick<NetworkPorts, 'cases' | 'offices' | 'clock' | 'reactions'>;

interface Landing {
  writes: CaseWrite[];
}

const caseLanding = (
  reactions: CaseReactions,
  found: StoredCase,
  next: CaseRecord,
  m: HopMessage,
  type: string,
  note: string,
  extra: CaseWrite[] = [],
): Landing => ({
  writes: [
    { op: 'update', case: next, expectedVersion: found.record.version, ...(found.applicantHash ? { applicantHash: found.applicantHash } : {}) },
    {
      op: 'hop-event',
      caseId: next.id,
      hopId: m.hopId,
      event: { at: m.sentAt, type, by: m.by, ...(m.byName ? { byName: m.byName } : {}), fromOfficeId: m.fromOfficeId, toOfficeId: m.toOfficeId, note },
    },
    ...extra,
    // what the contexts around a case add, as of the sending instant (supervision looks again at
    // the phases, a 签收 of a 转报 is a stage for the province)
    ...reactions(found.record, next, new Date(m.sentAt)),
  ],
});

const entryOf = (c: CaseRecord, over: Omit<InboxEntry, 'caseId' | 'number' | 'itemName' | 'applicantName'>): InboxEntry => ({
  caseId: c.id,
  number: c.number,
  itemName: c.itemName,
  applicantName: c.applicant.nameMasked,
  ...over,
});

/** What landing this message on the record as it stands writes; undefined: nothing to do (already landed). */
const landingOf = async (ports: Ports, m: HopMessage, now: string): Promise<Landing | undefined> => {
  const name = await officeNames(ports.offices);
  if (m.type === 'commission') {
    const got = await ports.cases.commission(m.commissionId);
    if (!got) throw new NotFoundError(`代办 ${m.commissionId} 不存在`);
    const k = got.commission;
    if (k.hopId !== m.hopId || k.deliveredAt || k.status !== 'submitted') return undefined;
    const entry: InboxEntry = {
      officeId: k.townshipId,
      kind: 'commission',
      refId: k.hopId,
      sentAt: k.createdAt,
      dueAt: k.takeInDueAt,
      fromOfficeId: k.stationId,
      commissionId: k.id,
      number: k.number,
      itemName: k.itemName,
      applicantName: k.applicant.nameMasked,
    };
    return {
      writes: [
        { op: 'commission', commission: { ...k, deliveredAt: now, version: k.version + 1 }, expectedVersion: k.version },
        { op: 'inbox-put', entry },
      ],
    };
  }

  const found = await ports.cases.get(m.caseId);
  if (!found) throw new NotFoundError(`办件 ${m.caseId} 不存在`);
  const c = found.record;
  const bump = (over: Partial<CaseRecord>): CaseRecord => ({ ...c, ...over, version: c.version + 1 });
  const route = `${name(m.fromOfficeId)} → ${name(m.toOfficeId)}`;

  switch (m.type) {
    case 'forward': {
      const t = c.transfer;
      if (t?.id !== m.hopId || t.phase !== 'sent') return undefined;
      const next = bump({ transfer: { ...t, phase: 'delivered', deliveredAt: now } });
      const entry = entryOf(c, { officeId: t.toOfficeId, kind: 'case', refId: t.id, sentAt: t.sentAt, dueAt: t.receiveDueAt, fromOfficeId: t.fromOfficeId });
      return caseLanding(ports.reactions, found, next, m, 'forwarded', `${route}${t.reason ? `：${t.reason}` : ''}`, [{ op: 'inbox-put', entry }]);
    }
    case 'return': {
      const t = c.transfer;
      if (t?.returnId !== m.hopId || t.phase !== 'returning') return undefined;
      const { handedTo: _h, handedAt: _a, ...rest } = c;
      // back in the hands of the office that took it in: it delivers (or hands back to the station)
      const next: CaseRecord = { ...rest, handlingOfficeId: t.fromOfficeId, transfer: { ...t, phase: 'returned', returnedAt: now }, version: c.version + 1 };
      return caseLanding(ports.reactions, found, next, m, 'returned', `${route}：${t.returnNote ?? ''}`);
    }
    case 'task': {
      const k = (c.tasks ?? []).find((x) => x.id === m.taskId);
      if (!k || k.id !== m.hopId || k.phase !== 'sent') return undefined;
      const next = bump({ tasks: c.tasks!.map((x) => (x.id === k.id ? { ...x, phase: 'delivered' as const, deliveredAt: now } : x)) });
      const entry = entryOf(c, {
        officeId: k.toOfficeId,
        kind: 'task',
        refId: k.id,
        sentAt: k.sentAt,
        dueAt: k.receiveDueAt,
        fromOfficeId: k.fromOfficeId,
        taskId: k.id,
        title: `${TASK_KIND_LABELS[k.kind]}：${k.title}`,
      });
      return caseLanding(ports.reactions, found, next, m, 'task_assigned', `${route}：${TASK_KIND_LABELS[k.kind]}，${k.title}（${k.dueDate} 前）`, [
        { op: 'inbox-put', entry },
      ]);
    }
    case 'task_answer': {
      const k = (c.tasks ?? []).find((x) => x.id === m.taskId);
      if (!k?.answer || k.answer.id !== m.hopId || k.phase !== 'answering') return undefined;
      const next = bump({ tasks: c.tasks!.map((x) => (x.id === k.id ? { ...x, phase: 'answered' as const, answeredAt: now } : x)) });
      return caseLanding(ports.reactions, found, next, m, 'task_answered', `${route}：${TASK_KIND_LABELS[k.kind]}，${k.answer.result}`);
    }
    case 'hand_back': {
      const h = c.handBack;
      if (h?.id !== m.hopId || h.phase !== 'sent') return undefined;
      const got = await ports.cases.commission(m.commissionId);
      if (!got) throw new NotFoundError(`代办 ${m.commissionId} 不存在`);
      const k = got.commission;
      const next = bump({ handBack: { ...h, phase: 'arrived', arrivedAt: now } });
      const entry = entryOf(c, {
        officeId: k.stationId,
        kind: 'handback',
        refId: h.id,
        sentAt: h.sentAt,
        dueAt: h.deliverDueAt,
        fromOfficeId: holderOf(c),
        commissionId: k.id,
        title: k.number,
      });
      return caseLanding(ports.reactions, found, next, m, 'handed_back', `${route}${h.note ? `：${h.note}` : ''}`, [
        { op: 'inbox-put', entry },
        ...(k.status === 'taken_in'
          ? [
              {
                op: 'commission' as const,
                commission: { ...k, status: 'returned' as const, returnedAt: now, version: k.version + 1 },
                expectedVersion: k.version,
              },
            ]
          : []),
      ]);
    }
  }
};

export const applyHop = async (ports: Ports, m: HopMessage): Promise<ApplyResult> => {
  for (let attempt = 0; ; attempt++) {
    const landing = await landingOf(ports, m, ports.clock().toISOString());
    if (!landing) return 'duplicate';
    try {
      await ports.cases.commit(landing.writes, []);
      return 'applied';
    } catch (e) {
      if (isConflict(e, CASE_CONFLICT.alreadyApplied)) return 'duplicate';
      // another writer (a clerk, a concurrent delivery) moved the record: read it again and decide again
      const retry = isConflict(e, CASE_CONFLICT.staleVersion) || isConflict(e, CASE_CONFLICT.busy);
      if (!retry || attempt >= MAX_ATTEMPTS - 1) throw e;
      await pauseBeforeRetry(attempt);
    }
  }
};
