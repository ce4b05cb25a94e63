import type { AuditEvent } from './audit.ts';
import type { AuditFilters } from './ports.ts';

/** How an event's actor is keyed (the writer keys A2 the same way). */
export const actorIdOf = (actor: AuditEvent['actor']): string => ('userId' in actor ? actor.userId : `anon:${actor.anonymous}`);

export const matches = (e: AuditEvent, f: AuditFilters): boolean =>
  (!f.actor || ('username' in e.actor ? e.actor.username === f.actor || e.actor.displayName === f.actor : e.actor.anonymous === f.actor)) &&
  (!f.action || e.action.startsWith(f.action)) &&
  (!f.target || e.target?.id === f.target) &&
  (!f.result || e.result === f.result);
