import type { AuditInput, AuditLog } from './audit.ts';

/** AuditLog in memory for unit tests: the events, in order. */
export const memoryAuditLog = (): AuditLog & { readonly events: AuditInput[] } => {
  const events: AuditInput[] = [];
  return { events, write: async (event) => void events.push(structuredClone(event)) };
};
