import type { CaseRecord } from '../cases/model.ts';
import type { CaseReactions } from '../cases/ports.ts';
import type { OutboxEntry } from '../platform/outbox.ts';
import { bjDay } from '../platform/beijing-time.ts';
import { exchangeKeys } from '../db/keys.ts';
import { recordId, type Stage, type StageRecord } from './model.ts';

/**
 * The exchange's reaction to a case change (the `CaseReactions` port of shared/cases, composed in
 * shared/app beside the others; in the same commit): one outbox entry per stage the change made, keyed by the case's new
 * version and the stage, so the stages of a case sort as it lived them and a change records its
 * stage once. The entry starts `pending`, indexed by its Beijing day (the reconciliation, X2).
 */
export const stagesOf = (prev: CaseRecord | undefined, next: CaseRecord): Stage[] => {
  const out: Stage[] = [];
  if (prev?.status !== next.status) {
    const was = prev?.status;
    switch (next.status) {
      case 'accepted':
        if (was === undefined || was === 'awaiting_supplement') out.push('accepted');
        break;
      case 'awaiting_supplement':
        if (was === undefined) out.push('supplement');
        break;
      case 'not_accepted':
        out.push('refused');
        break;
      case 'decided':
        out.push('decided');
        break;
      case 'delivered':
        out.push('delivered');
        break;
      default:
        break;
    }
  }
  // 转报: the receiving office signed for it (签收)
  const signed = next.transfer?.receivedAt;
  if (signed && signed !== prev?.transfer?.receivedAt) out.push('forwarded');
  return out;
};

const base = (c: CaseRecord, stage: Stage, at: string): StageRecord => ({
  stage,
  caseNumber: c.number,
  itemCode: c.itemCode,
  itemName: c.itemName,
  itemKind: c.kind === 'immediate' ? 'immediate' : 'promised',
  countyCode: c.countyCode,
  officeId: c.officeId,
  handlingOfficeId: c.handlingOfficeId ?? c.handedTo ?? c.officeId,
  channel: c.commission ? 'agent' : 'window',
  applicantType: c.applicant.type,
  applicantNameMasked: c.applicant.nameMasked,
  at,
});

/** The stage's own data elements. */
const detail = (c: CaseRecord, stage: Stage): Partial<StageRecord> => {
  switch (stage) {
    case 'accepted':
      return { promisedDays: c.promisedDays, ...(c.dueDate ? { dueDate: c.dueDate } : {}) };
    case 'supplement':
      return { reason: c.missingMaterials.join('、').slice(0, 500) };
    case 'refused':
      return { reason: c.notAccepted?.reason ?? '' };
    case 'forwarded':
      return c.transfer ? { toOfficeId: c.transfer.toOfficeId } : {};
    case 'decided':
      return c.decision ? { result: c.decision.result, ...(c.decision.reason ? { reason: c.decision.reason } : {}) } : {};
    case 'delivered':
      return c.delivery ? { deliveryMethod: c.delivery.method } : {};
    default:
      return {};
  }
};

/** The outbox entry of one stage record (also used by the ratings: 评价, 差评整改). */
export const exchangeEntry = (caseId: string, version: number, record: StageRecord): OutboxEntry => {
  const day = bjDay(new Date(record.at));
  const id = recordId(version, record.stage);
  return {
    topic: 'exchange',
    subject: caseId,
    id,
    at: record.at,
    payload: record as unknown as Record<string, unknown>,
    progress: { status: 'pending', statusAt: record.at, day, ...exchangeKeys.byDay(day, record.at, caseId, id) },
  };
};

export const exchangeWrites: CaseReactions = (prev, next, at) => {
  const iso = at.toISOString();
  return stagesOf(prev, next).map((stage) => ({
    op: 'outbox',
    entry: exchangeEntry(next.id, next.version, { ...base(next, stage, iso), ...detail(next, stage) } as StageRecord),
  }));
};

/** 评价 and 差评整改 records: the case as it stands, with the rating's elements (GB/T 39735). */
export const ratingRecord = (c: CaseRecord, stage: 'rated' | 'rectified', at: string, extra: Partial<StageRecord>): StageRecord => ({
  ...base(c, stage, at),
  ...extra,
});
