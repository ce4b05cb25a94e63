import type { AuditInput } from '../audit/audit.ts';
import type { CatalogReader } from '../catalog/ports.ts';
import type { Calendar } from '../calendar/working-days.ts';
import type { Clock } from '../platform/clock.ts';
import type { OfficeDirectory } from '../offices/ports.ts';
import type { OutboxEntry } from '../platform/outbox.ts';
import type { CaseRecord } from './model.ts';
import type { Commission, InboxEntry } from './hops.ts';
import type { InboxKind } from './hop-labels.ts';
import type { MaterialFile } from './materials-model.ts';

/**
 * The ports of the case context, types only: the case store (reads + one all-or-nothing commit),
 * the sealer, the materials' store and bucket, the reactions of the contexts around a case, and
 * `CasePorts`, what the use cases take. Adapters: dynamo-*.ts, kms-sealer.ts, s3-material-files.ts;
 * fakes: memory-*.ts; production wiring: wiring.ts, material-wiring.ts (and shared/app/wiring.ts).
 */

/** One line of a case's timeline (受理, 开始办理, 特别程序, 办结…). */
export interface TimelineEvent {
  at: string;
  type: string;
  /** The login name (the code kept for investigators). */
  by: string;
  /** The staff member's name at the time, as the timeline shows it (older events have none). */
  byName?: string;
  note?: string;
  /** On a hop between offices (转报, 签收, 回复, 交办…): both offices. */
  fromOfficeId?: string;
  toOfficeId?: string;
}

/** A case as stored: the record and the keyed hash of its applicant (cases of an applicant). */
export interface StoredCase {
  record: CaseRecord;
  applicantHash?: string;
}

/** What an Idempotency-Key of intake was used for. */
export interface IdempotencyRecord {
  caseId: string;
  bodyHash: string;
}

/** Daily counters kept incrementally, so dashboards never scan. */
export type DailyCounter = 'taken' | 'decidedOnTime' | 'decidedLate' | 'immediateSameDay';
export type CounterAdd = Partial<Record<DailyCounter, number>>;
/** One write of a case transaction; each carries its own condition. */
export type CaseWrite =
  /** Condition: the case id is new and the idempotency key was never used. */
  | { op: 'create'; case: CaseRecord; applicantHash: string; idempotency: { key: string; bodyHash: string; expiresAt: Date } }
  /** Replaces the case. Condition: its version is still `expectedVersion` (the one the clerk saw). */
  | { op: 'update'; case: CaseRecord; expectedVersion: number; applicantHash?: string }
  /** Adds a timeline event, for the case version the change made (unique even at one instant). Condition: new. */
  | { op: 'event'; caseId: string; version: number; event: TimelineEvent }
  /** Adds to the daily counters of an office (or COUNTY_TOTAL) for a Beijing date YYYY-MM-DD. */
  | { op: 'count'; officeId: string; day: string; add: CounterAdd }
  /** A hop's timeline event, keyed by the hop's message id. Condition: new (else HAND_OVER_APPLIED: a redelivered message). */
  | { op: 'hop-event'; caseId: string; hopId: string; event: TimelineEvent }
  /** Puts an entry into an office's inbox (待签收). */
  | { op: 'inbox-put'; entry: InboxEntry }
  /** Takes an entry out of an office's inbox (signed, taken in, delivered); absent is fine. */
  | { op: 'inbox-delete'; entry: Pick<InboxEntry, 'officeId' | 'kind' | 'sentAt' | 'refId'> }
  /** Writes a commission: new when `expectedVersion` is absent, else conditional on it (STALE_VERSION). */
  | { op: 'commission'; commission: Commission; applicantHash?: string; expectedVersion?: number }
  /** A way to find the case again: the keyed hash of the applicant's name or phone. Condition: none (written once, with the case). */
  | { op: 'find'; hash: string; caseId: string; at: string }
  /**
   * Supervision's snapshot of the case (its reaction builds it), due for a look by the overdue scan
   * at `at`. Leaves supervision's own fields (cards given) as they are.
   */
  | { op: 'watch'; caseId: string; caseVersion: number; snapshot: object; at: string }
  /**
   * An entry of the transactional outbox (shared/platform/outbox.ts): relayed to its topic's queue
   * once written. Condition: new (else OUTBOX_ENTRY_TAKEN: the same fact was recorded before).
   */
  | { op: 'outbox'; entry: OutboxEntry };

/** A page of a work list; `cursor` is opaque, present when there is more. */
export interface CasePage {
  cases: CaseRecord[];
  cursor?: string;
}

/** A page of an office's inbox, newest first. */
export interface InboxPage {
  entries: InboxEntry[];
  cursor?: string;
}

/** A page of a village agent's commissions, newest first. */
export interface CommissionPage {
  commissions: Commission[];
  cursor?: string;
}

/** The cases' persistence port (DynamoDB in dynamo-cases.ts, in memory in memory-cases.ts). */
export interface CaseStore {
  /** The case by id (strongly consistent), with its applicant hash. */
  get(id: string): Promise<StoredCase | undefined>;
  /** The case by its public number (411521-20261122-0042). */
  byNumber(number: string): Promise<CaseRecord | undefined>;
  /** The timeline, oldest first. */
  events(id: string): Promise<TimelineEvent[]>;
  /** Cases held by an office (accepted there, or handed to it) in a status, newest first. */
  ofOffice(officeId: string, status: string, page?: { limit?: number; cursor?: string }): Promise<CasePage>;
  /**
   * Every case an office holds, whatever its status, newest first (全部): one page merges the
   * office's status lists (K4), so no index is added and nothing is scanned.
   */
  allOfOffice(officeId: string, page?: { limit?: number; cursor?: string }): Promise<CasePage>;
  /**
   * Open (running) promised cases of or handed to an office whose due instant is at or before
   * `horizon` (ISO); every office's when `officeId` is undefined (county-wide readers).
   */
  openDueBy(officeId: string | undefined, horizon: string): Promise<CaseRecord[]>;
  idempotency(key: string): Promise<IdempotencyRecord | undefined>;
  /** The next number of the day (Beijing date YYYY-MM-DD) in a county: 1, 2, 3… never reused. */
  nextSequence(countyCode: string, day: string): Promise<number>;
  /** Counts one public status look-up from an address in a window (e.g. a minute); returns the count so far. */
  hitPublicLookup(address: string, window: string, expiresAt: Date): Promise<number>;
  /**
   * Takes one of the `limit` typed guesses (number + phone4) a case number gets per day, atomically
   * and before the comparison; false when none is left. A right guess gives its slot back.
   */
  takePublicGuess(number: string, day: string, limit: number, expiresAt: Date): Promise<boolean>;
  releasePublicGuess(number: string, day: string): Promise<void>;
  /** An office's inbox of one kind (待签收), newest first, paged. */
  inbox(officeId: string, kind: InboxKind, page?: { limit?: number; cursor?: string }): Promise<InboxPage>;
  /** How many entries of each kind wait in an office's inbox (for the menu). */
  inboxCounts(officeId: string): Promise<Record<InboxKind, number>>;
  /** Cases found by a keyed hash: of the applicant's ID number (K7) or of a name or phone (FIND#), newest first, at most `limit`. */
  findCases(by: { applicantHash: string } | { findHash: string }, limit?: number): Promise<CaseRecord[]>;
  /** A commission by id (strongly consistent), with its applicant's keyed hash. */
  commission(id: string): Promise<{ commission: Commission; applicantHash?: string } | undefined>;
  /** The commissions a village agent recorded, newest first, paged. */
  commissionsOfAgent(agentId: string, page?: { limit?: number; cursor?: string }): Promise<CommissionPage>;
  /**
   * Writes all or nothing, with the audit events that record them (at most 100 items). Throws a
   * ConflictError with a CASE_CONFLICT code when a condition fails.
   */
  commit(writes: readonly CaseWrite[], audits: readonly AuditInput[]): Promise<void>;
}

/** Everything the case use cases take; each takes only the part it needs. */
export interface CasePorts {
  cases: CaseStore;
  sealer: Sealer;
  catalog: CatalogReader;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
  /** The county's office tree (where an item may be taken in, who decides it). */
  offices: OfficeDirectory;
  /** What the contexts around a case add to each of its changes, in the same transaction. */
  reactions: CaseReactions;
}

/**
 * The writes other contexts add to a case change, committed in the change's own transaction: given
 * the case before (undefined when it is new), after, and the instant, what to write beside it —
 * supervision's watch, the texts to the applicant, the archive's trigger, the province's stage
 * records. Every use case that changes a case (here and in shared/network) commits
 * `reactions(before, after, at)` with it; each of those contexts implements its own reaction
 * (looking at before and after to decide whether it has anything to add), and shared/app composes
 * them into the production ports — cases names none of them.
 */
export type CaseReactions = (before: CaseRecord | undefined, after: CaseRecord, at: Date) => CaseWrite[];

// ---- the sealer ---------------------------------------------------------------------------------

/**
 * Applicants' ID numbers and phones are stored sealed (AES-256-GCM under a data key), and found
 * again through a keyed hash (HMAC) — never the raw value in a record, an index or a log.
 * Where the keys come from is the adapter's business: KMS in AWS, a dev key file locally
 * (kms-sealer.ts), a random key in unit tests (memory-sealer.ts).
 */
export interface Sealed {
  /** The data key, encrypted by KMS ('dev' locally). */
  ek: string;
  iv: string;
  ct: string;
  tag: string;
}

export interface Sealer {
  seal(value: object): Promise<Sealed>;
  unseal<T>(sealed: Sealed): Promise<T>;
  /** Keyed hash of an ID number (or phone) for "cases of this applicant". */
  lookupHash(value: string): Promise<string>;
}

// ---- materials ----------------------------------------------------------------------------------

/** The materials bucket (S3 in s3-material-files.ts, in memory in memory-material-files.ts). */
export interface MaterialObjects {
  /** A presigned PUT the browser (or a queued offline action) sends the file with; the signed headers must be sent as given. */
  presignPut(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<{ url: string; headers: Record<string, string> }>;
  /** A short-lived presigned GET, offered as a download under the file's name. */
  presignGet(key: string, fileName: string, expiresInSeconds: number): Promise<string>;
  /** Size of the stored object, or undefined when nothing was uploaded. */
  head(key: string): Promise<{ size: number } | undefined>;
  /** The whole object (at most the per-file cap), or undefined. */
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
}

/** Per-case totals, taken atomically before a file may be uploaded. */
export interface MaterialCaps {
  maxFiles: number;
  maxBytes: number;
}

/** The material records of the cases table (dynamo-materials.ts, memory-materials.ts). */
export interface MaterialStore {
  /**
   * Records a pending file and takes its place in the case's totals, all or nothing, with the
   * audit event. False when the totals would pass the caps (nothing written).
   */
  reserve(file: MaterialFile, caps: MaterialCaps, audit: AuditInput): Promise<boolean>;
  get(caseId: string, materialId: string): Promise<MaterialFile | undefined>;
  /** Every file of a case (pending, stored and refused), oldest first. */
  list(caseId: string): Promise<MaterialFile[]>;
  /** A checked file: stored, with its checksum. Conditional on it still being pending. */
  stored(caseId: string, materialId: string, at: string, sha256: string, audit: AuditInput): Promise<void>;
  /** A refused file: marked refused and its place in the totals given back. Conditional on it still being pending. */
  refused(caseId: string, materialId: string, at: string, audit: AuditInput): Promise<void>;
}

export interface MaterialPorts {
  materials: MaterialStore;
  objects: MaterialObjects;
}
