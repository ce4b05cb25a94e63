import type { AuditInput } from '../audit/audit.ts';
import type { CalendarYear } from './year.ts';

/**
 * The working-day calendar's persistence port (access pattern D6): DynamoDB in
 * dynamo-calendar.ts, in memory in memory-calendar.ts. Stored years override the seeded ones.
 */
export interface CalendarStore {
  /** Every year the county admin has entered. */
  storedYears(): Promise<CalendarYear[]>;
  /** Writes (or replaces) a year together with the audit event that records it, all or nothing. */
  saveYear(year: CalendarYear & { updatedAt: string }, audit: AuditInput): Promise<void>;
}
