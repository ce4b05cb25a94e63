/**
 * The ratings' ports, types only: the rating store (DynamoDB in dynamo-ratings.ts, in memory in
 * memory-ratings.ts), the provincial feed's files (S3 in s3-feed.ts, in memory in memory-feed.ts)
 * and the overdue scan's way out to the alert inbox (implemented by shared/supervision/rating-alerts.ts).
 * Each store passes one contract: test/unit/ratings/store-contract.ts and feed-store-contract.ts.
 */
import type { AuditInput } from '../audit/audit.ts';
import type { Calendar } from '../calendar/working-days.ts';
import type { CaseStore } from '../cases/ports.ts';
import type { Clock } from '../platform/clock.ts';
import type { OutboxEntry } from '../platform/outbox.ts';
import type { CounterAdd, CounterDim, CounterRow } from './counters.ts';
import type { FollowUp, Rating, RectificationTask } from './model.ts';

/** A case put on a window's evaluator by the clerk who handled it (the tablet signed in as that window shows it). */
export interface EvaluatorPush {
  windowId: string;
  caseId: string;
  number: string;
  itemName: string;
  pushedAt: string;
  pushedBy: string;
  /** The other cases of the same visit (a hall ticket's), rated with the same tap. */
  others?: Array<{ caseId: string; number: string; itemName: string }>;
}

/** What the public disclosure page shows, published by a schedule (no personal data in it). */
export interface DisclosureDoc {
  key: string;
  publishedAt: string;
  body: unknown;
}

/** One write of a ratings transaction; each carries its own condition. */
export type RatingWrite =
  /** Condition: the case has no rating yet (一事一评). */
  | { op: 'create-rating'; rating: Rating }
  /** Condition: the rating exists, has no follow-up and is not voided. */
  | { op: 'follow-up'; caseId: string; followUp: FollowUp }
  /** Condition: the rating exists and is not voided yet. */
  | { op: 'void-rating'; caseId: string; voided: NonNullable<Rating['voided']> }
  /** Condition: the case has no task yet. */
  | { op: 'put-task'; task: RectificationTask }
  /** Replaces the task. Condition: its version is still `expectedVersion`. */
  | { op: 'update-task'; task: RectificationTask; expectedVersion: number }
  /** Adds to the month's counters of each dimension (negative to take away). */
  | { op: 'count'; month: string; dims: readonly CounterDim[]; add: CounterAdd }
  /** Puts a case on a window's evaluator (replacing what was there). */
  | { op: 'push-evaluator'; push: EvaluatorPush }
  /** Replaces a disclosure document. */
  | { op: 'put-disclosure'; doc: DisclosureDoc }
  /**
   * An entry of the transactional outbox (shared/platform/outbox.ts) in the cases table, written in
   * the same transaction as the rating: the 评价 / 差评整改 stage record for the province (shared/exchange).
   * Condition: new.
   */
  | { op: 'outbox'; entry: OutboxEntry };

/** The ratings' persistence port (R1–R6 in shared/db/AccessPatterns.md). */
export interface RatingStore {
  /** R1: the rating of a case (strongly consistent). */
  rating(caseId: string): Promise<Rating | undefined>;
  /** R3: the rectification task of a case (strongly consistent). */
  task(caseId: string): Promise<RectificationTask | undefined>;
  /** R2: ratings of an office in a month, oldest first; `between` narrows to an instant range (ISO). */
  ratingsOfOffice(officeId: string, month: string, between?: { from: string; to: string }): Promise<Rating[]>;
  /** R3a: open tasks (open or appealed), of one office or of the county, oldest first (then by case). */
  openTasks(officeId?: string): Promise<RectificationTask[]>;
  /** R3b: closed tasks of an office whose rating is of a month, oldest first. */
  closedTasks(officeId: string, month: string): Promise<RectificationTask[]>;
  /** R4: every counter row of a month (county, offices, items, staff), in dimension-key order. */
  counters(month: string): Promise<CounterRow[]>;
  /** R5: what a window's evaluator shows. */
  evaluator(windowId: string): Promise<EvaluatorPush | undefined>;
  /** R6: a disclosure document. */
  disclosure(key: string): Promise<DisclosureDoc | undefined>;
  /**
   * Writes all or nothing, with the audit events that record them. Throws a ConflictError with a
   * RATING_CONFLICT code when a condition fails.
   */
  commit(writes: readonly RatingWrite[], audits: readonly AuditInput[]): Promise<void>;
}

/** The county's rectification limits (局部规定不同: configurable). */
export interface RatingSettings {
  /** 回访 within this many working days of the rating (国办发〔2019〕51号: 1). */
  callbackWorkdays: number;
  /** 整改 within this many working days (15 unless the county says otherwise). */
  rectifyWorkdays: number;
}

/** Everything the rating use cases take; each takes only the part it needs. */
export interface RatingPorts {
  ratings: RatingStore;
  /** Cases are read through the cases context's port (by number, by id) and its public counters. */
  cases: Pick<CaseStore, 'get' | 'byNumber' | 'hitPublicLookup' | 'takePublicGuess' | 'releasePublicGuess'>;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
  settings: RatingSettings;
}

/** One file of the provincial feed as listed. */
export interface FeedFile {
  key: string;
  size: number;
  lastModified: string;
}

/** Where the provincial feed files are kept. */
export interface FeedStore {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** Every file under a prefix, in key order. */
  list(prefix: string): Promise<FeedFile[]>;
}

export type OverdueKind = 'callback' | 'rectify';

export interface RectificationAlert {
  kind: `rating.${OverdueKind}-overdue`;
  caseId: string;
  number: string;
  itemName: string;
  officeId: string;
  level: number;
  dueAt: string;
  raisedAt: string;
}

export interface RectificationAlerts {
  raise(alert: RectificationAlert): Promise<void>;
}
