import type { AuditInput } from '../audit/audit.ts';
import type { Alert, AlertState, OutboxRef, Side } from './alert.ts';
import type { AccountabilityEntry, Order, OrderState } from './order.ts';
import type { TallyAdd, TallyRow } from './tallies.ts';
import type { Card, Counted, Level, Watch } from './watch.ts';
import type { Notice } from './notices.ts';

/**
 * 电子监察's ports, types only. The store, in domain terms: DynamoDB in dynamo-supervision.ts (scan,
 * settle, outbox), dynamo-alerts.ts (inbox, 督办) and dynamo-figures.ts (counters, digests); in
 * memory in memory-supervision.ts, with the same conditions, both held to
 * test/unit/supervision/store-contract.ts. All on the cases table (shared/db/keys.ts, AccessPatterns
 * S1–S9): one table's records, which the scan writes and the inbox reads, so the fake keeps them in
 * one object. The delivery queue (sqs-alert-queue.ts, memory-alert-queue.ts), the topic
 * (sns-notifier.ts) and the delivery channels (channels.ts, http-webhook.ts).
 */

/** A line on the case timeline written by supervision (a card, a 督办, a 反馈). */
export interface TimelineNote {
  caseId: string;
  at: string;
  /** Makes the line unique on the case (it cannot be added twice). */
  key: string;
  type: 'yellow_card' | 'red_card' | 'supervision_order' | 'order_response' | 'second_red_card';
  by: string;
  note: string;
}

/**
 * What one look at a watch (or a 督办单) commits, all or nothing: its new state, the alerts it gives
 * (each with its outbox entry), timeline lines, counters, an accountability entry.
 */
export interface Settlement {
  watch?: { caseId: string; expect: { caseVersion: number; rev: number }; given: Record<string, string>; counted: Counted; level: Level; lookAt?: string };
  order?: { expectRev: number; next: Order };
  alerts: Alert[];
  events: TimelineNote[];
  tallies: TallyAdd[];
  accountability?: AccountabilityEntry;
  audits: AuditInput[];
}

export interface DayFigures {
  taken: number;
  decidedOnTime: number;
  decidedLate: number;
  immediateSameDay: number;
}

/** An open case due within a window, from the open-by-due index (K5). */
export interface DueCase {
  id: string;
  number: string;
  itemName: string;
  officeId: string;
  handedTo?: string;
  dueAt: string;
}

export interface ScanStore {
  /**
   * Watches and open 督办单 due for a look at or before `now` (ISO), from every shard of the sparse
   * look-at index: the reads grow with what is due, never with open cases or cards already given.
   */
  dueForLook(now: string): Promise<{ watches: Watch[]; orders: Order[]; consumedRcu: number }>;
  /** Commits a settlement; false when the watch or order moved on since it was read (nothing written). */
  settle(s: Settlement): Promise<boolean>;
}

export interface OutboxStore {
  /**
   * Claims what was stored but not yet handed to the delivery queue, for one relay until `until`:
   * two relays running at once never both send an entry; a relay that dies leaves it claimable
   * again once the lease has passed.
   */
  claimOutbox(limit: number, now: string, until: string): Promise<OutboxRef[]>;
  clearOutbox(refs: readonly OutboxRef[]): Promise<void>;
}

export interface AlertQuery {
  side: Side;
  /** The office side: required; the county side: optional filter. */
  officeId?: string;
  state?: AlertState;
  card?: Card;
  caseId?: string;
  limit: number;
  cursor?: string;
}

export interface AlertStore {
  alerts(q: AlertQuery): Promise<{ alerts: Alert[]; next?: string }>;
  alert(id: string): Promise<Alert | undefined>;
  /** Sets one side's state to acked (with the audit event); false when it already was. */
  ackAlert(id: string, side: Side, ack: { by: string; at: string }, audit: AuditInput): Promise<boolean>;
  /** Unread alerts of one side (at most `cap`, enough for a menu badge). */
  unreadCount(side: Side, officeId: string | undefined, cap: number): Promise<number>;
  markDelivered(ref: OutboxRef, channel: string, at: string): Promise<void>;
}

export interface OrderQuery {
  officeId?: string;
  state?: OrderState;
  caseId?: string;
}

export interface OrderStore {
  /** A new 督办单 with its timeline line, counters and audit event. */
  issueOrder(o: Order, extra: { events: TimelineNote[]; tallies: TallyAdd[]; audits: AuditInput[] }): Promise<void>;
  /** Replaces an order read at `expectRev`; false when it changed meanwhile. */
  updateOrder(next: Order, expectRev: number, extra: { events: TimelineNote[]; tallies: TallyAdd[]; audits: AuditInput[] }): Promise<boolean>;
  order(id: string): Promise<Order | undefined>;
  orders(q: OrderQuery): Promise<Order[]>;
  accountability(officeId?: string): Promise<AccountabilityEntry[]>;
}

export interface Digest {
  audience: string;
  /** Beijing date `YYYY-MM-DD` the digest is for. */
  day: string;
  at: string;
  dueToday: DueCase[];
  overdue: DueCase[];
  openOrders: Array<Pick<Order, 'id' | 'caseNumber' | 'officeId' | 'deadlineDate'>>;
  /** The county's figures of the day before (county digest only). */
  yesterday?: DayFigures;
  deliveries: Record<string, string>;
}

export interface FigureStore {
  /** Every office's, item's and staff member's counts of a month (`YYYYMM`), or the gauges (`NOW`). */
  tallies(period: string): Promise<TallyRow[]>;
  /** The whole county's day counters (`YYYY-MM-DD`), kept by the cases context. */
  countyDay(day: string): Promise<DayFigures>;
  /** Open promised cases with `from < dueAt <= to` across the county (K5: O(due cases)). */
  openDue(from: string, to: string): Promise<DueCase[]>;
  /**
   * Stores a digest, with an outbox entry when it is to be delivered (SNS, webhooks). Once per
   * audience and day: false when it was already there (a second run sends nothing again).
   */
  saveDigest(d: Digest, deliver: boolean): Promise<boolean>;
  digest(audience: string, day: string): Promise<Digest | undefined>;
}

export type SupervisionStore = ScanStore & OutboxStore & AlertStore & OrderStore & FigureStore;

/**
 * The delivery queue (SQS with a DLQ): stored alerts and digests go there from the outbox, and its
 * consumer delivers them to SNS and the webhooks with retries.
 */
export interface AlertQueue {
  send(refs: readonly OutboxRef[]): Promise<void>;
}

/** What the supervision topic carries (e-mail subscriptions): a subject and plain text. */
export interface TopicMessage {
  subject: string;
  message: string;
}

/** Where supervision notices go (the supervision topic: e-mail and webhooks of the supervisors). */
export interface Notifier {
  publish(message: TopicMessage): Promise<void>;
}

/** Where a notice is delivered: the supervision topic (e-mail), each webhook. Throws when it was not. */
export interface Channel {
  id: string;
  send(n: Notice): Promise<void>;
}
