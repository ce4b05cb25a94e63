import type { AuditEvent } from './audit.ts';

/**
 * The read side of the audit trail (A1–A3 in shared/db/AccessPatterns.md): DynamoDB in
 * dynamo-audit-reader.ts, in memory in memory-audit-reader.ts. Newest first, never a Scan.
 */
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

export interface AuditReader {
  /** One month partition (`YYYY-MM`), within the range, filtered, at most `limit` events. */
  month(month: string, range: AuditRange, filters: AuditFilters, limit: number): Promise<AuditSlice>;
  /** Events about one thing (a case, a user, an item). */
  byTarget(target: { type: string; id: string }, limit: number): Promise<AuditSlice>;
  /** Events of one actor: a userId, or `anon:<label>` for anonymous callers. */
  byActor(actorId: string, limit: number): Promise<AuditSlice>;
}

/** How an event's actor is keyed (the writer keys A2 the same way). */
export const actorIdOf = (actor: AuditEvent['actor']): string => ('userId' in actor ? actor.userId : `anon:${actor.anonymous}`);

export const matches = (e: AuditEvent, f: AuditFilters): boolean =>
  (!f.actor || ('username' in e.actor ? e.actor.username === f.actor || e.actor.displayName === f.actor : e.actor.anonymous === f.actor)) &&
  (!f.action || e.action.startsWith(f.action)) &&
  (!f.target || e.target?.id === f.target) &&
  (!f.result || e.result === f.result);
