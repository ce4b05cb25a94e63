import { randomUUID } from 'node:crypto';
import { RuleError } from '../errors/domain-errors.ts';
import type { Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { visibleOrNotFound } from '../cases/access.ts';
import { caseAudit, retryWhileBusy } from '../cases/commit.ts';
import type { CaseRecord } from '../cases/model.ts';
import { staleVersion } from '../cases/conflicts.ts';
import { CASE_ACTIONS } from '../cases/transitions.ts';
import { checkAction, eventWrite, needScope, receivingOffice, updateWrites, withParty } from './common.ts';
import type { HopMessage } from './messages.ts';
import { officeNames } from '../offices/offices.ts';
import { phaseDue } from '../cases/phases.ts';
import type { NetworkPorts } from './ports.ts';

/**
 * 转报 / 综合受理 (township → county department; 县域通办 is the same path from any township) and
 * 交办 of a whole case (county → township): the holder hands the case over, the receiver signs for
 * it (签收) and handles it, the decision goes back (回复) to the office that took it in, which
 * delivers it. Each hand-over and each reply is one message on the delegation queue; the record
 * says it is on its way until the consumer (apply.ts) lands it.
 *
 * Committed first, then sent: a send that fails leaves the hop "sent" with no message, and the
 * same request again (on the version now shown) sends the very same message — the consumer
 * applies it once however often it comes.
 */
type Ports = Pick<NetworkPorts, 'cases' | 'calendar' | 'clock' | 'offices' | 'hops' | 'limits' | 'reactions'>;

const forwardMessage = (c: CaseRecord): HopMessage => ({
  type: 'forward',
  hopId: c.transfer!.id,
  caseId: c.id,
  sentAt: c.transfer!.sentAt,
  by: c.transfer!.by,
  ...(c.transfer!.byName ? { byName: c.transfer!.byName } : {}),
  fromOfficeId: c.transfer!.fromOfficeId,
  toOfficeId: c.transfer!.toOfficeId,
});

const returnMessage = (c: CaseRecord): HopMessage => ({
  type: 'return',
  hopId: c.transfer!.returnId!,
  caseId: c.id,
  sentAt: c.transfer!.returnSentAt!,
  by: c.transfer!.returnBy!,
  ...(c.transfer!.returnByName ? { byName: c.transfer!.returnByName } : {}),
  fromOfficeId: c.transfer!.toOfficeId,
  toOfficeId: c.transfer!.fromOfficeId,
});

export const forward = async (
  ports: Ports,
  p: Principal,
  input: { id: string; expectedVersion: number; toOfficeId: string; reason: string },
  meta: RequestMeta,
) => {
  needScope(p, CASE_ACTIONS.forward.scope);
  const found = await ports.cases.get(input.id);
  const c = visibleOrNotFound(p, found?.record, true);
  const t = c.transfer;
  // the same hand-over again (its message may have been lost): send it again, change nothing
  if (t?.phase === 'sent' && t.fromOfficeId === p.officeId && t.toOfficeId === input.toOfficeId && c.version === input.expectedVersion) {
    await ports.hops.send(forwardMessage(c));
    return { forwardId: t.id, case: c };
  }
  checkAction('forward', c, input.expectedVersion);
  // one 转报 at a time: the office it came to replies to the office that took it in (parts of the work go by 交办)
  if (t?.phase === 'received') throw new RuleError('FORWARDED_HERE', '该办件由其他机构转报而来：办结后请回复，需要其他机构协助请用交办');
  const to = await receivingOffice(ports.offices, input.toOfficeId, p.officeId);
  const now = ports.clock();
  const { cal } = await ports.calendar();
  const sentAt = now.toISOString();
  const next: CaseRecord = {
    ...c,
    parties: withParty(c, to.id),
    transfer: {
      id: randomUUID(),
      fromOfficeId: p.officeId,
      toOfficeId: to.id,
      reason: input.reason,
      by: p.username,
      byName: p.displayName,
      sentAt,
      receiveDueAt: phaseDue(sentAt, ports.limits.receiveWorkdays, cal),
      phase: 'sent',
    },
    version: c.version + 1,
  };
  await retryWhileBusy(() =>
    ports.cases.commit([...updateWrites(ports, found!, next, ports.clock())], [{ ...caseAudit(p, 'case.forward', c, meta), detail: `${c.number} → ${to.id}` }]),
  );
  await ports.hops.send(forwardMessage(next));
  return { forwardId: next.transfer!.id, case: next };
};

/** 签收: the receiving office takes the case into its hands; it leaves the inbox. */
export const receive = async (ports: Ports, p: Principal, input: { id: string; expectedVersion: number }, meta: RequestMeta) => {
  needScope(p, CASE_ACTIONS.receive.scope);
  const found = await ports.cases.get(input.id);
  const c = visibleOrNotFound(p, found?.record);
  const t = c.transfer;
  if (!t || t.toOfficeId !== p.officeId || (t.phase !== 'sent' && t.phase !== 'delivered')) {
    if (t?.toOfficeId === p.officeId && t.phase === 'received') throw new RuleError('ALREADY_RECEIVED', '该办件已签收');
    throw new RuleError('NOTHING_TO_RECEIVE', '该办件没有待本机构签收的转报');
  }
  if (c.version !== input.expectedVersion) throw staleVersion();
  const now = ports.clock();
  const at = now.toISOString();
  const name = await officeNames(ports.offices);
  const next: CaseRecord = {
    ...c,
    handlingOfficeId: p.officeId,
    handedTo: p.officeId,
    handedAt: at,
    transfer: { ...t, phase: 'received', receivedAt: at, receivedBy: p.username },
    version: c.version + 1,
  };
  await retryWhileBusy(() =>
    ports.cases.commit(
      [
        ...updateWrites(ports, found!, next, ports.clock()),
        eventWrite(next, {
          at,
          type: 'received',
          by: p.username,
          byName: p.displayName,
          fromOfficeId: t.fromOfficeId,
          toOfficeId: t.toOfficeId,
          note: `${name(t.toOfficeId)} 签收 ${name(t.fromOfficeId)} 转报的办件`,
        }),
        { op: 'inbox-delete', entry: { officeId: t.toOfficeId, kind: 'case', sentAt: t.sentAt, refId: t.id } },
      ],
      [caseAudit(p, 'case.receive', c, meta)],
    ),
  );
  return next;
};

/** 回复: the decision (or a 退回 with its reason) goes back to the office that took the case in. */
export const returnCase = async (ports: Ports, p: Principal, input: { id: string; expectedVersion: number; note: string }, meta: RequestMeta) => {
  needScope(p, CASE_ACTIONS.return.scope);
  const found = await ports.cases.get(input.id);
  const c = visibleOrNotFound(p, found?.record, true);
  const t = c.transfer;
  if (t?.phase === 'returning' && t.toOfficeId === p.officeId && c.version === input.expectedVersion) {
    await ports.hops.send(returnMessage(c));
    return { returnId: t.returnId!, case: c };
  }
  if (!t || t.toOfficeId !== p.officeId || t.phase !== 'received') throw new RuleError('NOT_FORWARDED_HERE', '该办件不是转报给本机构的，无需回复');
  checkAction('return', c, input.expectedVersion);
  const now = ports.clock();
  const next: CaseRecord = {
    ...c,
    transfer: {
      ...t,
      phase: 'returning',
      returnId: randomUUID(),
      returnNote: input.note,
      returnBy: p.username,
      returnByName: p.displayName,
      returnSentAt: now.toISOString(),
    },
    version: c.version + 1,
  };
  await retryWhileBusy(() =>
    ports.cases.commit(
      [...updateWrites(ports, found!, next, ports.clock())],
      [{ ...caseAudit(p, 'case.return', c, meta), detail: `${c.number} → ${t.fromOfficeId}` }],
    ),
  );
  await ports.hops.send(returnMessage(next));
  return { returnId: next.transfer!.returnId!, case: next };
};
