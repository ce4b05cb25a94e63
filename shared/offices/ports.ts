import type { NetworkOffice } from './offices.ts';

/**
 * The office context's ports: the county's office tree (DynamoDB in dynamo-offices.ts, in memory
 * in memory-offices.ts; one contract runs on both) and the name lookups reports take.
 */
export interface OfficeDirectory {
  /** Every office of the county (a few dozen), each once: read once and kept, never per request. */
  all(): Promise<readonly NetworkOffice[]>;
}

/** Office names for reports (statistics, disclosure, feed, the audit export): id → name. */
export interface OfficeNames {
  names(): Promise<ReadonlyMap<string, string>>;
}

/**
 * Staff display names for reports, login name → name, of the given offices (statistics and the
 * dashboard's 按人员 rows). Someone who has left keeps their login name in the counters: callers
 * fall back to it, so the row still says who it was.
 */
export interface StaffNames {
  names(officeIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
