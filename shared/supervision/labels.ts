import type { Trigger } from './triggers.ts';
import type { Card } from './watch.ts';

/** Cards and triggers as people read them: the server's notices and the web's alert list use these. */
export const CARD_LABELS: Record<Card, string> = { yellow: '黄牌', red: '红牌' };
export const TRIGGER_LABELS: Record<Trigger, string> = {
  due: '承诺时限',
  immediate: '即办件当日',
  phase: '环节时限',
  suspension: '特别程序',
  order: '督办逾期',
  rating: '差评整改',
};

/** The more serious card first (a red card is listed above a yellow one). */
export const CARD_RANK: Record<Card, number> = { red: 0, yellow: 1 };

/** 督办 states as people read them. */
export type OrderState = 'open' | 'answered' | 'overdue' | 'answered_late';
export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  open: '待反馈',
  answered: '已反馈',
  overdue: '逾期未反馈',
  answered_late: '逾期后反馈',
};
