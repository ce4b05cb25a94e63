import * as z from 'zod';

/**
 * 督办: a written order from a supervisor to the office holding a case — what is required and by
 * when (working days) — answered (反馈) by the office's head. A deadline missed raises the second
 * red card and puts the case on the accountability list (问责).
 */
// the states' words live beside the cards' (./labels.ts, no zod): the web reads them too
import type { OrderState } from './labels.ts';
export { ORDER_STATE_LABELS, type OrderState } from './labels.ts';

export interface Order {
  id: string;
  caseId: string;
  caseNumber: string;
  itemCode: string;
  itemName: string;
  /** Who accepted the case (the staff figures count the second red card there). */
  caseStaff: string;
  /** The office ordered to answer: the one holding the case. */
  officeId: string;
  requirement: string;
  deadlineWorkdays: number;
  deadlineDate: string;
  deadlineAt: string;
  issuedBy: string;
  issuedAt: string;
  state: OrderState;
  response?: { text: string; by: string; at: string };
  secondRedAt?: string;
  /** Bumped on every change: a change applies only to the order as it was read. */
  rev: number;
}

/**
 * Still waiting for its second red card: open past the deadline, or answered after it before the
 * scan got there (a late answer does not undo a missed deadline).
 */
export const awaitsSecondRed = (o: Pick<Order, 'state' | 'secondRedAt'>): boolean => o.state === 'open' || (o.state === 'answered_late' && !o.secondRedAt);

/** A case on the accountability list, and why. */
export interface AccountabilityEntry {
  orderId: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  officeId: string;
  reason: string;
  at: string;
}

export const issueOrderBody = z.object({
  caseId: z.string().uuid('请选择办件'),
  requirement: z.string().trim().min(4, '请写明督办要求（至少 4 个字）').max(500, '督办要求最多 500 字'),
  deadlineWorkdays: z.number({ error: '请填写反馈期限' }).int('期限须为整数个工作日').min(1, '期限至少 1 个工作日').max(30, '期限最多 30 个工作日'),
});
export type IssueOrderInput = z.output<typeof issueOrderBody>;

export const respondOrderBody = z.object({
  response: z.string().trim().min(4, '请写明反馈内容（至少 4 个字）').max(1000, '反馈最多 1000 字'),
});

export const orderIdParams = z.object({ id: z.string().uuid('督办单编号有误') });

export const orderListQuery = z.object({
  state: z.enum(['open', 'answered', 'overdue', 'answered_late'], { error: '状态须为 open、answered、overdue 或 answered_late' }).optional(),
  caseId: z.string().uuid('办件编号有误').optional(),
  officeId: z.string().trim().min(1).max(80).optional(),
});
