export { CARD_LABELS, ORDER_STATE_LABELS, TRIGGER_LABELS } from '@shared/supervision/labels.ts';
import type { OrderState } from '@shared/supervision/labels.ts';
export const CARD_COLORS: Record<string, string> = { yellow: 'gold', red: 'red' };
export const ORDER_STATE_COLORS: Record<OrderState, string> = { open: 'blue', answered: 'green', overdue: 'red', answered_late: 'orange' };
