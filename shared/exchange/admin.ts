import { ForbiddenError, NotFoundError, RuleError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import { actorOf } from '../audit/audit.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { pushFollowing } from './deliver.ts';
import { STAGE_LABELS, type StatusLine, type StoredRecord } from './model.ts';
import type { ExchangeAdminPorts, ExchangePorts } from './ports.ts';
import { profileOf, toProvince } from './profiles.ts';
import type { ResendInput } from './schemas.ts';

/** The day's reconciliation reads at most this many records (a county's day is a few hundred). */
export const DAY_MAX = 5000;
/** The stages the status route reports (差评整改 records are pushed, and kept out of the published shape). */
const REPORTED = new Set(['accepted', 'supplement', 'refused', 'forwarded', 'decided', 'delivered', 'rated']);

const needAdmin = (p: Principal): void => {
  if (!hasScope(p, 'exchange.manage')) throw new ForbiddenError();
};

const line = (r: StoredRecord): StatusLine & { caseId: string; id: string } => {
  const status = r.status === 'sending' ? 'pending' : r.status;
  return {
    caseNumber: r.record.caseNumber,
    stage: r.record.stage,
    status,
    ...(status === 'rejected' && r.reason ? { reason: r.reason } : {}),
    caseId: r.caseId,
    id: r.id,
  };
};

/**
 * GET /api/exchange/status?day=: a Beijing day's records (by the day of their stage) counted
 * pushed (tried at least once), acknowledged, rejected and pending; `records` lists every record of
 * the day, the rejected first. Exactly the published shape (statusResponse).
 */
export const dayStatus = async (ports: Pick<ExchangePorts, 'store'>, p: Principal, q: { day: string }) => {
  needAdmin(p);
  const all = (await ports.store.ofDay(q.day, DAY_MAX)).filter((r) => REPORTED.has(r.record.stage));
  const lines = all.map(line);
  const count = (s: string) => lines.filter((l) => l.status === s).length;
  const order = { rejected: 0, pending: 1, acknowledged: 2 } as const;
  return {
    day: q.day,
    pushed: all.filter((r) => (r.attempts ?? 0) > 0 || r.status !== 'pending').length,
    acknowledged: count('acknowledged'),
    rejected: count('rejected'),
    pending: count('pending'),
    records: lines
      .sort((a, b) => order[a.status] - order[b.status])
      .map(({ caseNumber, stage, status, reason }) => ({ caseNumber, stage, status, ...(reason ? { reason } : {}) })),
  };
};

/**
 * GET /api/exchange/rejected?day=: the day's rejected records with what the page needs to correct
 * them (case id, record id, the values sent), and the reconciliation against the province's own
 * count of the day where its interface gives one (`province`: null otherwise, or when it cannot be reached).
 */
export const rejectedRecords = async (ports: Pick<ExchangePorts, 'store' | 'config' | 'offices' | 'gateway'>, p: Principal, q: { day: string }) => {
  needAdmin(p);
  const config = ports.config();
  const profile = profileOf(config.province);
  const kinds = new Map((await ports.offices.all()).map((o) => [o.id, o.kind]));
  const day = await ports.store.ofDay(q.day, DAY_MAX);
  const rejected = day.filter((r) => r.status === 'rejected');
  const acknowledged = day.filter((r) => r.status === 'acknowledged').length;
  const count =
    config.enabled && profile.provinceCount
      ? await ports
          .gateway()
          .count(q.day)
          .catch(() => undefined)
      : undefined;
  return {
    province: count === undefined ? null : { count, acknowledged, matches: count === acknowledged },
    records: rejected.map((r) => ({
      caseId: r.caseId,
      id: r.id,
      caseNumber: r.record.caseNumber,
      stage: r.record.stage,
      stageLabel: STAGE_LABELS[r.record.stage],
      itemCode: r.record.itemCode,
      itemName: r.record.itemName,
      reason: r.reason ?? '',
      at: r.at,
      sent: toProvince(profile, `${r.record.caseNumber}-${r.id}`, r.record, (id) => kinds.get(id)),
    })),
  };
};

/**
 * POST /api/exchange/records/{caseId}/{id}/resend: a rejected record corrected (its 事项编码 where
 * the province's catalog knows the item under another code; a note of what was put right) and
 * pushed again at once, then the records of the case that waited behind it. Audited.
 */
export const resendRecord = async (ports: ExchangeAdminPorts, p: Principal, input: ResendInput & { caseId: string; id: string }, meta: RequestMeta) => {
  needAdmin(p);
  const found = (await ports.store.list(input.caseId)).find((r) => r.id === input.id);
  if (!found) throw new NotFoundError('该上报记录不存在');
  const at = ports.clock().toISOString();
  if (!(await ports.store.correct(input.caseId, input.id, { itemCode: input.itemCode, by: p.username, at, note: input.note })))
    throw new RuleError('NOT_REJECTED', '该记录未被省平台退回，无需重发');
  await ports.audit({
    actor: actorOf(p),
    action: 'exchange.resend',
    target: { type: 'case', id: input.caseId },
    result: 'success',
    sourceIp: meta.sourceIp,
    userAgent: meta.userAgent,
    detail: `${found.record.caseNumber} ${STAGE_LABELS[found.record.stage]}：${input.note}`,
  });
  // pushed now: the record itself first (it may be the first of its case), then those behind it
  const before = (await ports.store.list(input.caseId)).filter((r) => r.id < input.id);
  if (ports.config().enabled && before.every((r) => r.status === 'acknowledged')) {
    await pushFollowing(ports, input.caseId, before.at(-1)?.id ?? '', `resend:${at}`);
  }
  const after = (await ports.store.list(input.caseId)).find((r) => r.id === input.id)!;
  return { record: line(after) };
};
