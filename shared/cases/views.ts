import { STATUS_LABELS, type CaseRecord } from './model.ts';
import { holderOf } from './access.ts';
import type { TimelineEvent } from './ports.ts';
import type { Principal } from '../identity/principal.ts';

/**
 * What staff see: personal data masked (the full ID only through the audited view-id action).
 * The citizen's keys to the public pages — the receipt's 查询码 and the phone's last four digits —
 * only the office that took the case in sees (it prints the receipt); an involved office or the
 * supervisor could otherwise look at a case and rate it in the citizen's name.
 */
export const staffView = (c: CaseRecord, viewer: Pick<Principal, 'officeId'>) => {
  const { applicant, queryCode, ...rest } = c;
  const { sealed: _sealed, phone4: _p4, ...shown } = applicant;
  const own = viewer.officeId === c.officeId;
  return {
    ...rest,
    ...(own && queryCode ? { queryCode } : {}),
    handlingOfficeId: holderOf(c),
    statusLabel: STATUS_LABELS[c.status],
    applicant: own ? shown : { ...shown, phoneMasked: withoutKeyDigits(shown.phoneMasked) },
  };
};

/** `138****5678` → `138********`: the digits that open the public pages hidden too. */
const withoutKeyDigits = (masked: string): string => masked.replace(/\d{4}$/, '****');

/** A row of a work list: the name masked too. */
export const listView = (c: CaseRecord) => ({
  id: c.id,
  number: c.number,
  itemName: c.itemName,
  kind: c.kind,
  status: c.status,
  statusLabel: STATUS_LABELS[c.status],
  applicantName: c.applicant.nameMasked,
  acceptedAt: c.acceptedAt,
  dueDate: c.dueDate,
  dueAt: c.dueAt,
  officeId: c.officeId,
  handedTo: c.handedTo,
  handlingOfficeId: holderOf(c),
  transferPhase: c.transfer?.phase,
  commissionNumber: c.commission?.number,
  version: c.version,
});

/** Timeline events as a citizen reads them: plain words, no staff names, no internal notes. */
export const PUBLIC_EVENT_LABELS: Record<string, string> = {
  accepted: '窗口已收件并受理',
  supplement_notice: '材料不齐，已一次性告知需补正的材料',
  supplement_partial: '已收到部分补正材料',
  not_accepted: '不予受理',
  started: '开始审查办理',
  suspended: '暂停计时（检验、检测、公示等特别程序）',
  resumed: '恢复办理',
  extended: '经批准延长办理期限',
  approved: '办结：准予',
  refused: '办结：不予批准',
  fees: '已缴费',
  delivered: '办理结果已送达',
  withdrawn: '申请已撤回',
  forwarded: '转交其他窗口办理',
  // the network's hops, in plain words and without the offices' inner workings
  received: '承办部门已签收',
  returned: '承办部门已办理完毕，结果转回受理窗口',
  task_assigned: '正在协同办理',
  task_received: '正在协同办理',
  task_answered: '协同办理意见已反馈',
  handed_back: '办理结果已转回村（社区）代办点',
};

const SUPERVISION_EVENTS = new Set(['yellow_card', 'red_card', 'supervision_order', 'order_response', 'second_red_card']);

/** The citizen's status page: no ids, masked name, dates, the timeline in plain words. */
export const publicView = (c: CaseRecord, events: readonly TimelineEvent[] = []) => ({
  number: c.number,
  itemName: c.itemName,
  status: c.status,
  statusLabel: STATUS_LABELS[c.status],
  applicantName: c.applicant.nameMasked,
  acceptedAt: c.acceptedAt,
  dueDate: c.dueDate,
  decidedAt: c.decision?.at,
  result: c.decision?.result,
  missingMaterials: c.status === 'awaiting_supplement' ? c.missingMaterials : [],
  /** The written reason of a refusal (退办), which the applicant receives anyway. */
  refusalReason: c.decision?.result === 'refused' ? c.decision.reason : undefined,
  /** 不予受理: why, and where the applicant should go instead. */
  notAccepted: c.notAccepted ? { ground: c.notAccepted.ground ?? 'not-eligible', reason: c.notAccepted.reason, referTo: c.notAccepted.referTo } : undefined,
  // 电子监察's lines (cards, 督办) are the administration's own business, not the applicant's
  timeline: events.filter((e) => !SUPERVISION_EVENTS.has(e.type)).map((e) => ({ at: e.at, label: PUBLIC_EVENT_LABELS[e.type] ?? '办理中' })),
});

export type StaffCaseView = ReturnType<typeof staffView>;
export type CaseListRow = ReturnType<typeof listView>;
export type PublicCaseView = ReturnType<typeof publicView>;
