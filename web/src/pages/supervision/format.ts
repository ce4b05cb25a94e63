export const CARD_LABELS: Record<string, string> = { yellow: '黄牌', red: '红牌' };
export const CARD_COLORS: Record<string, string> = { yellow: 'gold', red: 'red' };
export const TRIGGER_LABELS: Record<string, string> = {
  due: '承诺时限',
  immediate: '即办件当日',
  phase: '环节时限',
  suspension: '特别程序',
  order: '督办逾期',
  rating: '差评整改',
};
export const ORDER_STATE_LABELS: Record<string, string> = { open: '待反馈', answered: '已反馈', overdue: '逾期未反馈', answered_late: '逾期后反馈' };
export const ORDER_STATE_COLORS: Record<string, string> = { open: 'blue', answered: 'green', overdue: 'red', answered_late: 'orange' };
