import type { AuditEvent, AuditInput } from './audit.ts';

/**
 * The audit context's ports, types only. Each has an adapter and an in-memory fake that pass one
 * contract (test/unit/audit/*-contract.ts, run on the fakes in unit tests and on DynamoDB Local /
 * fauxqs's S3 in integration tests).
 */

/**
 * The audit trail as a port, for one-off events that record no other change (a refused login,
 * an export). Events that go with a change are committed by that change's store, in its
 * transaction. DynamoDB in dynamo-audit.ts (which also builds the item a change's transaction
 * puts), in memory in memory-audit.ts. Each write is a new event; the detail is stored masked.
 */
export interface AuditLog {
  write(event: AuditInput): Promise<void>;
}

export interface AuditFilters {
  /** Username, or the anonymous caller's label (failed logins). */
  actor?: string;
  /** Prefix of the action (`user.` matches user.create, user.update…). */
  action?: string;
  /** The target's id, whatever its type. */
  target?: string;
  result?: AuditEvent['result'];
}

/** Instants (ISO) bounding `at`, both inclusive; a bare date `YYYY-MM-DD` means its start. */
export interface AuditRange {
  from: string;
  to: string;
}

export interface AuditSlice {
  events: AuditEvent[];
  /** More events matched beyond the limit. */
  more: boolean;
}

/**
 * The read side of the audit trail (A1–A3 in shared/db/AccessPatterns.md): DynamoDB in
 * dynamo-audit-reader.ts, in memory in memory-audit-reader.ts. Newest first, never a Scan.
 */
export interface AuditReader {
  /** One month partition (`YYYY-MM`), within the range, filtered, at most `limit` events. */
  month(month: string, range: AuditRange, filters: AuditFilters, limit: number): Promise<AuditSlice>;
  /** Events about one thing (a case, a user, an item). */
  byTarget(target: { type: string; id: string }, limit: number): Promise<AuditSlice>;
  /** Events of one actor: a userId, or `anon:<label>` for anonymous callers. */
  byActor(actorId: string, limit: number): Promise<AuditSlice>;
}

/**
 * The tamper-evident copy of the trail: a bucket with S3 Object Lock (s3-audit-archive.ts; in
 * memory in memory-audit-archive.ts). archive.ts copies events to it and verifies a month against it.
 */
export interface AuditArchive {
  /** Writes one object; never overwrites (the bucket's lock would refuse a change anyway). */
  put(key: string, body: string): Promise<void>;
  /** Keys under a prefix. */
  list(prefix: string): Promise<string[]>;
  get(key: string): Promise<string | undefined>;
}
