/**
 * The case timeline's event types as staff read them (the public page words them for citizens in
 * views.ts). No zod here: the web imports it.
 */
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
  // the network's hops (shared/network): each names both offices
  forwarded: '转报',
  received: '签收',
  returned: '回复',
  task_assigned: '交办',
  task_received: '签收交办',
  task_answered: '交办答复',
  handed_back: '回交代办点',
  yellow_card: '黄牌',
  red_card: '红牌',
  supervision_order: '督办',
  order_response: '督办反馈',
  second_red_card: '第二张红牌（问责）',
};
