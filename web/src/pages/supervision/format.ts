export { CARD_LABELS, TRIGGER_LABELS } from '@shared/supervision/labels.ts';
export const CARD_COLORS: Record<string, string> = { yellow: 'gold', red: 'red' };
export const ORDER_STATE_LABELS: Record<string, string> = { open: '待反馈', answered: '已反馈', overdue: '逾期未反馈', answered_late: '逾期后反馈' };
export const ORDER_STATE_COLORS: Record<string, string> = { open: 'blue', answered: 'green', overdue: 'red', answered_late: 'orange' };
