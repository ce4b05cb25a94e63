import type { AuditAction } from './labels.ts';

/**
 * Audit events (等保 level 3: 安全审计). Append-only: the adapter (dynamo-audit.ts) only ever puts new items with
 * a never-before-used key; there is no update or delete of an audit event anywhere, and the
 * functions' IAM policies deny both.
 */
export interface AuditInput {
  /** `displayName` is the staff member's name at the time (older events have only the login name). */
  actor: { userId: string; username: string; officeId: string; displayName?: string } | { anonymous: string };
  /** Every code has its Chinese label (labels.ts): a code without one does not compile. */
  action: AuditAction;
  /** `label`: the object as a person reads it (a staff member's name), kept beside its id. */
  target?: { type: string; id: string; label?: string };
  result: 'success' | 'failure';
  sourceIp: string;
  userAgent: string;
  /** Short, non-personal detail (masked again before storage). */
  detail?: string;
}

export interface AuditEvent extends AuditInput {
  id: string;
  at: string;
}

/** A signed-in caller as the audit log records it (identity's Principal is one; the log imports no identity type). */
export interface AuditCaller {
  userId: string;
  username: string;
  officeId: string;
  displayName?: string;
}

export const actorOf = (p: AuditCaller) => ({
  userId: p.userId,
  username: p.username,
  officeId: p.officeId,
  ...(p.displayName ? { displayName: p.displayName } : {}),
});

/** The one who acted, as a person reads it: the staff member's name, else the login name. */
export const actorLabel = (actor: AuditInput['actor']): string => ('userId' in actor ? (actor.displayName ?? actor.username) : `（未登录）${actor.anonymous}`);
