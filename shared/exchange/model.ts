/**
 * The provincial exchange's one internal model of a case's stages (办件环节), as the province's
 * 一体化政务服务平台 receives them: each stage of a case is one record, pushed in the order the case
 * lived it. A record carries the GB/T 39046-2020 办件 data elements it needs and no more: the
 * applicant only as its type and masked name (the province's data element 申请人名称; never an ID
 * number or a phone).
 */
export const STAGES = ['accepted', 'supplement', 'refused', 'forwarded', 'decided', 'delivered', 'rated', 'rectified'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  accepted: '受理',
  supplement: '补正',
  refused: '不予受理',
  forwarded: '转报签收',
  decided: '办结',
  delivered: '送达',
  rated: '评价',
  rectified: '差评整改',
};

/** What the status route shows: pending (not yet acknowledged), acknowledged, rejected (with the province's reason). */
export const RECORD_STATUSES = ['pending', 'acknowledged', 'rejected'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = { pending: '待确认', acknowledged: '已确认', rejected: '被退回' };

/** Where the case was applied for (办件来源), as Bianmin knows it. */
export type ApplyChannel = 'window' | 'agent';
/** The office's place in the county (办理层级 follows from it). */
export type OfficeKind = 'county_center' | 'department' | 'township' | 'village';

/**
 * One stage record (the outbox entry's payload, topic `exchange`). Codes are Bianmin's own
 * (`itemKind: 'immediate'`, `level: 5`…): a province adapter translates them with its code tables.
 */
export interface StageRecord {
  stage: Stage;
  /** 办件编号 */
  caseNumber: string;
  /** 事项编码 / 事项名称 */
  itemCode: string;
  itemName: string;
  /** 办件类型: 即办件 / 承诺件 */
  itemKind: 'immediate' | 'promised';
  /** 行政区划代码 */
  countyCode: string;
  /** 受理（办理）机构: the office that took it in and the one that handles it now (its level is read at push time). */
  officeId: string;
  handlingOfficeId: string;
  /** 申请渠道 */
  channel: ApplyChannel;
  /** 申请人类型 and 申请人名称 (masked, as the standard's data element; nothing else of the person). */
  applicantType: 'person' | 'organisation';
  applicantNameMasked: string;
  /** 环节发生时间 (ISO instant; adapters write it as their format wants). */
  at: string;
  /** 承诺时限 (working days) and 承诺办结日期 (accepted). */
  promisedDays?: number;
  dueDate?: string;
  /** 办理结果 (decided): 准予 / 不予; reason for refusal, 不予受理 or 补正 (the missing list). */
  result?: 'approved' | 'refused';
  reason?: string;
  /** 送达方式 (delivered). */
  deliveryMethod?: string;
  /** 转报 (forwarded): the office that signed for it. */
  toOfficeId?: string;
  /** 评价 (rated, GB/T 39735): level 5 = 非常满意 … 1 = 非常不满意 (Bianmin's), the rating channel. */
  satisfaction?: 1 | 2 | 3 | 4 | 5;
  ratingChannel?: 'window' | 'qr' | 'web' | 'hotline';
  /** 差评整改 (rectified): what was done. */
  rectification?: string;
}

/** A pushed record as stored: the payload and the consumer's progress on the outbox entry. */
export interface StoredRecord {
  caseId: string;
  /** `<case version, 6 digits>-<stage>`: the per-case sequence; a record waits for every earlier one. */
  id: string;
  at: string;
  /** Beijing day of `at`: the reconciliation's day. */
  day: string;
  record: StageRecord;
  status: RecordStatus | 'sending';
  statusAt: string;
  /** The province's reason for a rejection, or why it waits (the province down, an earlier record pending). */
  reason?: string;
  /** The province's acknowledgement number (回执). */
  ackId?: string;
  attempts?: number;
  claim?: string;
  claimedAt?: string;
  /** A rejected record corrected by the county admin (what changed, by whom). */
  corrected?: { by: string; at: string; note: string };
}

/** Per-case sequence: the case's version orders the stages as the case lived them. */
export const recordId = (version: number, stage: Stage): string => `${String(version).padStart(6, '0')}-${stage}`;

/** `GET /api/exchange/status` record line (exact contract: rectified stays internal to the status lines as its own stage). */
export interface StatusLine {
  caseNumber: string;
  stage: Stage;
  status: RecordStatus;
  reason?: string;
}
