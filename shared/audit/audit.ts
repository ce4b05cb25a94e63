/**
 * Audit events (等保 level 3: 安全审计). Append-only: the adapter (dynamo-audit.ts) only ever puts new items with
 * a never-before-used key; there is no update or delete of an audit event anywhere, and the
 * functions' IAM policies deny both.
 */
export interface AuditInput {
  actor: { userId: string; username: string; officeId: string } | { anonymous: string };
  action: string;
  target?: { type: string; id: string };
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

export const actorOf = (p: { userId: string; username: string; officeId: string }) => ({
  userId: p.userId,
  username: p.username,
  officeId: p.officeId,
});

/**
 * The audit trail as a port, for one-off events that record no other change (a refused login,
 * an export). Events that go with a change are committed by that change's store, in its
 * transaction.
 */
export interface AuditLog {
  write(event: AuditInput): Promise<void>;
}
