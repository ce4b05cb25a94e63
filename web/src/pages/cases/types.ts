export interface CaseView {
  id: string;
  number: string;
  officeId: string;
  itemCode: string;
  itemVersion: number;
  itemName: string;
  kind: string;
  promisedDays: number;
  status: string;
  statusLabel: string;
  applicant: { type: string; name: string; nameMasked: string; idMasked: string; phoneMasked: string; idWarning?: string };
  materialsReceived: string[];
  missingMaterials: string[];
  createdAt: string;
  acceptedAt?: string;
  dueDate?: string;
  dueProvisional?: boolean;
  suspensions: Array<{ procedure: string; from: string; to?: string; expectedDays: number; notice: string }>;
  extension?: { days: number; reason: string };
  decision?: { result: 'approved' | 'refused'; reason?: string; at: string; onTime: boolean };
  fees?: { amount: number; receiptNo: string };
  delivery?: { method: string; signedBy: string; at: string };
  notAccepted?: { reason: string; referTo: string };
  version: number;
}
export interface TimelineEvent {
  at: string;
  type: string;
  by: string;
  note?: string;
}
export const EVENT_LABELS: Record<string, string> = {
  accepted: '受理',
  supplement_notice: '一次性告知',
  supplement_partial: '部分补正',
  not_accepted: '不予受理',
  started: '开始办理',
  suspended: '进入特别程序',
  resumed: '恢复办理',
  extended: '延期',
  approved: '办结（准予）',
  refused: '办结（退办）',
  fees: '收费',
  delivered: '送达',
  withdrawn: '撤回',
  forwarded: '转交',
  yellow_card: '黄牌',
  red_card: '红牌',
  supervision_order: '督办',
  order_response: '督办反馈',
  second_red_card: '第二张红牌（问责）',
};
export const KIND_LABELS: Record<string, string> = { immediate: '即办件', promised: '承诺件', joint: '联办件', escalated: '上报件' };
