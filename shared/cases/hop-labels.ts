/**
 * The network's words, as the web shows them: no zod here, so a page that needs a label does not
 * bundle the schemas.
 */
export const TASK_KINDS = ['verify', 'opinion', 'joint'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Record<TaskKind, string> = { verify: '实地核查', opinion: '初审意见', joint: '联办' };

export const COMMISSION_STATUSES = ['submitted', 'taken_in', 'returned', 'delivered'] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];
export const COMMISSION_STATUS_LABELS: Record<CommissionStatus, string> = {
  submitted: '已委托，待乡镇接收',
  taken_in: '乡镇已受理，办理中',
  returned: '结果已回交，待送达',
  delivered: '已送达申请人',
};

/**
 * Where a commission truly stands for the agent: once taken in, the case says it (待补正, 不予受理,
 * 已办结…), not only the commission's own status.
 */
export const commissionProgressLabel = (status: CommissionStatus, caseStatus?: string): string => {
  if (status !== 'taken_in' || !caseStatus) return COMMISSION_STATUS_LABELS[status];
  if (caseStatus === 'awaiting_supplement') return '乡镇待补正，请补交材料';
  if (caseStatus === 'not_accepted') return '乡镇不予受理';
  if (caseStatus === 'withdrawn') return '已撤回';
  if (caseStatus === 'decided' || caseStatus === 'delivered') return '已办结，待回交';
  if (caseStatus === 'suspended') return '特别程序中';
  return COMMISSION_STATUS_LABELS.taken_in;
};

export const CONSENT_METHODS = ['signed', 'fingerprint', 'proxy_signed'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_LABELS: Record<ConsentMethod, string> = { signed: '本人签字', fingerprint: '本人按手印', proxy_signed: '近亲属代签（附说明）' };

export const INBOX_KINDS = ['case', 'task', 'commission', 'handback'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];
export const INBOX_LABELS: Record<InboxKind, string> = { case: '转报件', task: '交办任务', commission: '代办件', handback: '回交待送达' };

/** Where a hop between offices stands (转报, 交办, 回交), as both offices read it. */
export const HOP_PHASE_LABELS: Record<string, string> = {
  sent: '投递中',
  delivered: '待签收',
  received: '已签收',
  returning: '回复途中',
  returned: '已回复',
  answering: '答复途中',
  answered: '已答复',
  arrived: '已回交',
};
