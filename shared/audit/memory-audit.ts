import type { AuditInput } from './audit.ts';
import type { AuditLog } from './ports.ts';
import { redactText } from '../privacy/mask.ts';

/** AuditLog in memory for unit tests: the events, in order, their detail masked as the adapter stores it. */
export const memoryAuditLog = (): AuditLog & { readonly events: AuditInput[] } => {
  const events: AuditInput[] = [];
  return {
    events,
    write: async (event) => {
      const e = structuredClone(event);
      if (e.detail) e.detail = redactText(e.detail);
      events.push(e);
    },
  };
};
