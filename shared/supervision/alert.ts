import { createHash } from 'node:crypto';
import type { Trigger } from './triggers.ts';
import type { Card } from './watch.ts';

/**
 * An alert: a card given to a case, stored with the card in one transaction. It is read in the
 * in-app inbox by two audiences, each with its own read state — the county's supervisors and the
 * office that owns the case (its center head) — and delivered from this record to SNS (e-mail)
 * and the county's webhooks, each channel once (`deliveries`).
 */
export type AlertState = 'unread' | 'acked';
/** Who reads: the county's supervisors, or the office's center head. */
export type Side = 'county' | 'office';

export interface Alert {
  id: string;
  card: Card;
  trigger: Trigger;
  /** The transition it records (one alert per key and case, ever). */
  key: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  /** The office that owns the case (accepted it); `handledBy` when handed to another. */
  officeId: string;
  handledBy?: string;
  reason: string;
  at: string;
  countyState: AlertState;
  officeState: AlertState;
  acks: Partial<Record<Side, { by: string; at: string }>>;
  /** Channel id → when it was delivered there. */
  deliveries: Record<string, string>;
  /** The 督办单 whose missed deadline raised it (the second red card). */
  orderId?: string;
}

/** The same case and transition always give the same id: a second write of one card is refused. */
export const alertId = (caseId: string, key: string): string => createHash('sha256').update(`${caseId}\n${key}`).digest('base64url').slice(0, 22);

/** What the inbox lists (the contract of GET /api/alerts), as the caller's side sees it. */
export const alertView = (a: Alert, side: Side) => ({
  id: a.id,
  card: a.card,
  trigger: a.trigger,
  caseId: a.caseId,
  caseNumber: a.caseNumber,
  itemName: a.itemName,
  officeId: a.officeId,
  reason: a.reason,
  at: a.at,
  state: side === 'county' ? a.countyState : a.officeState,
  ...(a.orderId ? { orderId: a.orderId } : {}),
});
export type AlertView = ReturnType<typeof alertView>;

export { CARD_LABELS, TRIGGER_LABELS } from './labels.ts';

/** What is waiting in the outbox: a stored record to deliver. */
export type OutboxRef = { type: 'alert'; id: string } | { type: 'digest'; audience: string; day: string };
export const outboxRefId = (r: OutboxRef): string => (r.type === 'alert' ? `alert#${r.id}` : `digest#${r.audience}#${r.day}`);
