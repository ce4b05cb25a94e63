import { bjDay } from '../platform/beijing-time.ts';
import type { AuditAction } from '../audit/labels.ts';
import { createHash, randomUUID } from 'node:crypto';
import * as z from 'zod';
import { ConflictError, NotFoundError, RuleError, ValidationError } from '../errors/domain-errors.ts';
import type { Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { actorOf, type AuditInput } from '../audit/audit.ts';

import { holderOf, visibleOrNotFound } from '../cases/access.ts';
import { caseAudit, countWrites, retryWhileBusy } from '../cases/commit.ts';
import { EVENT_OF, KEY_TTL_MS, newCase, sealApplicant } from '../cases/intake.ts';
import { STATUS_LABELS, type CaseRecord, type notAcceptedInput } from '../cases/model.ts';
import { supplementChange } from '../cases/lifecycle.ts';
import { CASE_CONFLICT, isConflict, staleVersion } from '../cases/conflicts.ts';
import { CASE_ACTIONS } from '../cases/transitions.ts';
import { checkAction, eventWrite, needScope, updateWrites } from './common.ts';
import type { HopMessage } from './messages.ts';
import { type networkBodies } from './model.ts';
import { type Commission } from '../cases/hops.ts';
import { officeById, officeNames } from '../offices/offices.ts';
import { phaseDue } from '../cases/phases.ts';
import type { NetworkPorts } from './ports.ts';
import { mayTakeIn } from '../cases/routing.ts';
import { networkKeys } from '../db/keys.ts';

/**
 * 全程代办 (委托 → 受理 → 承办 → 回交, free of charge): the village agent records a villager's
 * commission on a phone (the applicant validated as at the window, the materials collected, the
 * applicant's consent) and it goes to the township's inbox; the township takes it in — the case
 * links to the commission and the applicant does not come; when the result is ready it goes back
 * (回交) to the station, and the agent records handing it over.
 */
type Ports = Pick<NetworkPorts, 'cases' | 'sealer' | 'catalog' | 'calendar' | 'clock' | 'offices' | 'hops' | 'limits' | 'reactions'>;
export type CommissionInput = z.output<typeof networkBodies.commission>;

const audit = (p: Principal, action: AuditAction, k: Pick<Commission, 'id' | 'number'>, meta: RequestMeta): AuditInput => ({
  actor: actorOf(p),
  action,
  target: { type: 'commission', id: k.id },
  result: 'success',
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail: k.number,
});

const commissionMessage = (k: Commission): HopMessage => ({
  type: 'commission',
  hopId: k.hopId,
  commissionId: k.id,
  sentAt: k.createdAt,
  by: k.agentUsername,
  byName: k.agentName,
  fromOfficeId: k.stationId,
  toOfficeId: k.townshipId,
});

/** A commission's id from the agent's Idempotency-Key: the same form sent twice is one commission. */
const idFromKey = (agentId: string, key: string): string => {
  const h = createHash('sha256').update(`commission:${agentId}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** 委托: recorded at the village station, sent to its township. */
export const createCommission = async (ports: Ports, p: Principal, input: CommissionInput & { idempotencyKey?: string | undefined }, meta: RequestMeta) => {
  needScope(p, 'commission.create');
  const station = await officeById(ports.offices, p.officeId);
  if (station?.kind !== 'village' || !station.parentId) throw new RuleError('NOT_A_STATION', '只有村（社区）便民服务站的代办员可以登记代办');
  const published = await ports.catalog.getPublishedItem(input.itemCode);
  if (!published) throw new ValidationError('事项不存在或未发布', [{ path: 'itemCode', message: `事项 ${input.itemCode} 不存在或未发布` }]);
  const { item, version } = published;
  if (!mayTakeIn(item, station, true))
    throw new ValidationError('该事项不能由村代办', [{ path: 'itemCode', message: `“${item.name}”须到窗口办理，不能村级代办` }]);
  const known = new Set(item.materials.map((m) => m.name));
  const unknown = input.materialsCollected.findIndex((m) => !known.has(m));
  if (unknown >= 0)
    throw new ValidationError('所勾选的材料不属于该事项', [
      { path: `materialsCollected.${unknown}`, message: `“${input.materialsCollected[unknown]}”不是该事项的申请材料` },
    ]);

  const id = input.idempotencyKey ? idFromKey(p.userId, input.idempotencyKey) : randomUUID();
  if (input.idempotencyKey) {
    const again = await ports.cases.commission(id);
    if (again) return { commission: again.commission, replayed: true };
  }
  const { applicant, hash, finds } = await sealApplicant(ports.sealer, input.applicant);
  const { cal } = await ports.calendar();
  const now = ports.clock();
  const day = bjDay(now);
  const county = p.officeId.slice(0, 6);
  const seq = await ports.cases.nextSequence(networkKeys.commissionSequenceCounty(county), day);
  const createdAt = now.toISOString();
  const k: Commission = {
    id,
    number: `DB-${county}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`,
    countyCode: county,
    stationId: station.id,
    townshipId: station.parentId,
    agentId: p.userId,
    agentUsername: p.username,
    agentName: p.displayName,
    itemCode: item.code,
    itemVersion: version,
    itemName: item.name,
    applicant,
    materialsCollected: input.materialsCollected,
    consent: { method: input.consent.method, at: createdAt, ...(input.consent.note ? { note: input.consent.note } : {}) },
    ...(input.note ? { note: input.note } : {}),
    status: 'submitted',
    createdAt,
    hopId: randomUUID(),
    takeInDueAt: phaseDue(createdAt, ports.limits.receiveWorkdays, cal),
    findHashes: finds,
    version: 1,
  };
  try {
    await retryWhileBusy(() => ports.cases.commit([{ op: 'commission', commission: k, applicantHash: hash }], [audit(p, 'commission.create', k, meta)]));
  } catch (e) {
    // the same form sent twice at once: the first one stands
    const again = input.idempotencyKey && isConflict(e, CASE_CONFLICT.busy) ? await ports.cases.commission(id) : undefined;
    if (again) return { commission: again.commission, replayed: true };
    throw e;
  }
  await ports.hops.send(commissionMessage(k));
  return { commission: k, replayed: false };
};

/**
 * 受理 of a commission at the township: a case like any other, taken in from what the agent
 * collected (the clerk may tick what was checked); the applicant does not come. One transaction:
 * the case, its event and counters, the commission, the inbox.
 */
export const takeIn = async (
  ports: Ports,
  p: Principal,
  input: { id: string; expectedVersion: number; materialsReceived?: string[] | undefined; notAccepted?: z.output<typeof notAcceptedInput> | undefined },
  meta: RequestMeta,
) => {
  needScope(p, 'case.accept');
  const got = await ports.cases.commission(input.id);
  const k = got?.commission;
  if (!k || k.townshipId !== p.officeId) throw new NotFoundError('代办件不存在');
  if (k.status !== 'submitted') throw new RuleError('ALREADY_TAKEN_IN', `该代办件已受理（${k.caseNumber ?? ''}）`);
  if (k.version !== input.expectedVersion) throw staleVersion();
  const published = await ports.catalog.getPublishedItem(k.itemCode);
  if (!published) throw new RuleError('ITEM_WITHDRAWN', '该事项已停止办理，请告知代办员');
  const { item, version } = published;
  const materials = input.materialsReceived ?? k.materialsCollected;
  const known = new Set(item.materials.map((m) => m.name));
  const unknown = materials.findIndex((m) => !known.has(m));
  if (unknown >= 0)
    throw new ValidationError('所勾选的材料不属于该事项', [{ path: `materialsReceived.${unknown}`, message: `“${materials[unknown]}”不是该事项的申请材料` }]);
  const { cal } = await ports.calendar();
  const name = await officeNames(ports.offices);
  const now = ports.clock();
  const day = bjDay(now);
  const seq = await ports.cases.nextSequence(k.countyCode, day);
  const base = newCase({
    item,
    version,
    officeId: p.officeId,
    county: k.countyCode,
    seq,
    now,
    cal,
    applicant: k.applicant,
    materialsReceived: materials,
    notAccepted: input.notAccepted,
    createdBy: p.username,
  });
  const c: CaseRecord = { ...base, parties: [k.stationId], commission: { id: k.id, number: k.number, stationId: k.stationId, agentId: k.agentId } };
  const at = now.toISOString();
  const taken: Commission = { ...k, status: 'taken_in', caseId: c.id, caseNumber: c.number, takenInAt: at, takenInBy: p.username, version: k.version + 1 };
  await retryWhileBusy(() =>
    ports.cases.commit(
      [
        // the commission's id is the intake key: one case per commission, whatever happens
        {
          op: 'create',
          case: c,
          applicantHash: got!.applicantHash ?? '',
          idempotency: { key: `COMM-${k.id}`, bodyHash: k.id, expiresAt: new Date(now.getTime() + KEY_TTL_MS) },
        },
        {
          op: 'event',
          caseId: c.id,
          version: 1,
          event: {
            at,
            type: EVENT_OF[c.status as keyof typeof EVENT_OF],
            by: p.username,
            byName: p.displayName,
            fromOfficeId: k.stationId,
            toOfficeId: p.officeId,
            note: `${name(k.stationId)} 代办（${k.number}，代办员 ${k.agentName}）`,
          },
        },
        ...countWrites(c.officeId, day, c.status === 'accepted' ? { taken: 1 } : undefined),
        { op: 'commission', commission: taken, expectedVersion: k.version },
        { op: 'inbox-delete', entry: { officeId: k.townshipId, kind: 'commission', sentAt: k.createdAt, refId: k.hopId } },
        ...(k.findHashes ?? []).map((h) => ({ op: 'find' as const, hash: h, caseId: c.id, at: c.createdAt })),
        // what the contexts around a case add, as at the window's intake (watch, texts, archive, the province's stage)
        ...ports.reactions(undefined, c, now),
      ],
      [caseAudit(p, `case.intake.${c.status as keyof typeof EVENT_OF}`, c, meta), audit(p, 'commission.take-in', k, meta)],
    ),
  ).catch((e: unknown) => {
    if (isConflict(e, CASE_CONFLICT.keyTaken)) throw new ConflictError('ALREADY_TAKEN_IN', '该代办件已受理');
    throw e;
  });
  return { case: c, commission: taken };
};

/**
 * 补交材料: the township took a commission in and found materials missing (待补正, 一次性告知); the
 * agent brings them from the villager and records it from the phone — the same 补正 as at the
 * window (cases/lifecycle.ts `supplementChange`): all there → accepted today. Conditional on the
 * case version the agent saw; the same request again once it is recorded changes nothing and
 * answers the case as it stands (a resend on a weak link).
 */
export const supplementByAgent = async (
  ports: Pick<Ports, 'cases' | 'catalog' | 'calendar' | 'clock' | 'offices' | 'reactions'>,
  p: Principal,
  input: { id: string; expectedVersion: number; materialsReceived: string[] },
  meta: RequestMeta,
): Promise<{ case: CaseRecord; replayed: boolean }> => {
  needScope(p, 'commission.create');
  const k = (await ports.cases.commission(input.id))?.commission;
  if (!k || k.stationId !== p.officeId) throw new NotFoundError('代办件不存在');
  const found = k.caseId ? await ports.cases.get(k.caseId) : undefined;
  if (!found) throw new RuleError('NOT_TAKEN_IN', '乡镇尚未受理该代办件，无需补交材料');
  const c = found.record;
  if (c.version !== input.expectedVersion && input.materialsReceived.every((m) => c.materialsReceived.includes(m))) return { case: c, replayed: true };
  if (c.status !== 'awaiting_supplement') throw new RuleError('INVALID_STATE', `办件当前为“${STATUS_LABELS[c.status]}”，无需补交材料`);
  if (c.version !== input.expectedVersion) throw staleVersion();
  const materials = (await ports.catalog.getItemVersion(c.itemCode, c.itemVersion))?.item.materials ?? [];
  const now = ports.clock();
  const { cal } = await ports.calendar();
  const name = await officeNames(ports.offices);
  const ch = supplementChange(c, materials, input.materialsReceived, now, cal, `${name(k.stationId)} 代办员补交：${input.materialsReceived.join('、')}`);
  const next: CaseRecord = { ...ch.next, version: c.version + 1 };
  await retryWhileBusy(() =>
    ports.cases.commit(
      [
        ...updateWrites(ports, found, next, now),
        eventWrite(next, { at: now.toISOString(), type: ch.event, by: p.username, byName: p.displayName, ...(ch.note ? { note: ch.note } : {}) }),
        ...countWrites(next.officeId, bjDay(now), ch.stats),
      ],
      [caseAudit(p, 'case.supplement', c, meta), audit(p, 'commission.supplement', k, meta)],
    ),
  );
  return { case: next, replayed: false };
};

/** 回交: the decided case's result goes back to the station that carried the commission. */
export const handBack = async (ports: Ports, p: Principal, input: { id: string; expectedVersion: number; note: string }, meta: RequestMeta) => {
  needScope(p, CASE_ACTIONS.handBack.scope);
  const found = await ports.cases.get(input.id);
  const c = visibleOrNotFound(p, found?.record, true);
  if (!c.commission) throw new RuleError('NOT_A_COMMISSION', '该办件不是村代办件，无需回交');
  const message = (x: CaseRecord): HopMessage => ({
    type: 'hand_back',
    hopId: x.handBack!.id,
    caseId: x.id,
    commissionId: x.commission!.id,
    sentAt: x.handBack!.sentAt,
    by: x.handBack!.by,
    ...(x.handBack!.byName ? { byName: x.handBack!.byName } : {}),
    fromOfficeId: holderOf(x),
    toOfficeId: x.commission!.stationId,
  });
  if (c.handBack?.phase === 'sent' && c.version === input.expectedVersion) {
    await ports.hops.send(message(c));
    return { handBackId: c.handBack.id, case: c };
  }
  if (c.handBack) throw new RuleError('ALREADY_HANDED_BACK', '办理结果已回交代办点');
  checkAction('handBack', c, input.expectedVersion);
  const now = ports.clock();
  const { cal } = await ports.calendar();
  const sentAt = now.toISOString();
  const next: CaseRecord = {
    ...c,
    handBack: {
      id: randomUUID(),
      by: p.username,
      byName: p.displayName,
      note: input.note,
      sentAt,
      deliverDueAt: phaseDue(sentAt, ports.limits.handOverWorkdays, cal),
      phase: 'sent',
    },
    version: c.version + 1,
  };
  await retryWhileBusy(() => ports.cases.commit([...updateWrites(ports, found!, next, ports.clock())], [caseAudit(p, 'case.hand-back', c, meta)]));
  await ports.hops.send(message(next));
  return { handBackId: next.handBack!.id, case: next };
};

/** The agent hands the result to the applicant (送达): the case and the commission close together. */
export const deliverByAgent = async (ports: Ports, p: Principal, input: { id: string; expectedVersion: number; signedBy: string }, meta: RequestMeta) => {
  needScope(p, 'commission.create');
  const got = await ports.cases.commission(input.id);
  const k = got?.commission;
  if (!k || k.stationId !== p.officeId) throw new NotFoundError('代办件不存在');
  if (k.status !== 'returned') throw new RuleError('NOT_RETURNED', k.status === 'delivered' ? '已送达' : '办理结果尚未回交，不能送达');
  if (k.version !== input.expectedVersion) throw staleVersion();
  const found = await ports.cases.get(k.caseId!);
  if (!found) throw new NotFoundError('办件不存在');
  const c = found.record;
  if (c.handBack?.phase !== 'arrived') throw new RuleError('NOT_RETURNED', '办理结果尚未回交，不能送达');
  const now = ports.clock();
  const at = now.toISOString();
  const delivery = { signedBy: input.signedBy, at, by: p.username };
  const next: CaseRecord = {
    ...c,
    ...(c.status === 'decided' ? { status: 'delivered' as const } : {}),
    delivery: { method: 'agent', ...delivery },
    version: c.version + 1,
  };
  const name = await officeNames(ports.offices);
  await retryWhileBusy(() =>
    ports.cases.commit(
      [
        ...updateWrites(ports, found, next, ports.clock()),
        {
          op: 'event',
          caseId: c.id,
          version: next.version,
          event: { at, type: 'delivered', by: p.username, byName: p.displayName, note: `${name(k.stationId)} 代办员送达，签收：${input.signedBy}` },
        },
        { op: 'commission', commission: { ...k, status: 'delivered', delivery, version: k.version + 1 }, expectedVersion: k.version },
        { op: 'inbox-delete', entry: { officeId: k.stationId, kind: 'handback', sentAt: c.handBack!.sentAt, refId: c.handBack!.id } },
      ],
      [audit(p, 'commission.deliver', k, meta)],
    ),
  );
  return { case: next, commission: { ...k, status: 'delivered' as const, delivery, version: k.version + 1 } };
};
