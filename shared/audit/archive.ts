import { createHash } from 'node:crypto';
import type { AuditEvent } from './audit.ts';
import type { AuditArchive } from './ports.ts';

/**
 * The tamper-evident copy of the audit trail (等保 安全审计): every event, as written, goes to a
 * bucket with S3 Object Lock in compliance mode for the retention period — nobody, not even the
 * account's root, can change or delete it before then. `verifyMonth` compares the table with the
 * copy: an event changed in the table after the fact, or missing from either side, is reported.
 * The bucket is the `AuditArchive` port (ports.ts).
 */

/** `audit/<yyyy-mm>/<at>#<id>.json`: one month is one prefix, as in the table. */
export const archiveKey = (e: Pick<AuditEvent, 'at' | 'id'>): string => `audit/${e.at.slice(0, 7)}/${e.at}#${e.id}.json`;

/** The event's content in a stable form: same event, same text, same hash. */
export const canonical = (e: AuditEvent): string =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(e)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  );
export const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

export const archiveEvents = async (ports: { archive: AuditArchive }, events: readonly AuditEvent[]): Promise<void> => {
  for (const e of events) await ports.archive.put(archiveKey(e), canonical(e));
};

export interface VerifyReport {
  month: string;
  checked: number;
  /** In the table but not in the copy (not yet archived, or removed from the stream's path). */
  missing: string[];
  /** In both, but the table's event differs from the locked copy: changed after it was written. */
  altered: string[];
  /** In the copy but no longer in the table (deleted, or expired by TTL after the retention). */
  removed: string[];
}

export const verifyMonth = async (ports: { archive: AuditArchive; events: (month: string) => Promise<AuditEvent[]> }, month: string): Promise<VerifyReport> => {
  const table = await ports.events(month);
  const keys = new Set(await ports.archive.list(`audit/${month}/`));
  const report: VerifyReport = { month, checked: table.length, missing: [], altered: [], removed: [] };
  for (const e of table) {
    const key = archiveKey(e);
    if (!keys.has(key)) {
      report.missing.push(key);
      continue;
    }
    keys.delete(key);
    const copy = await ports.archive.get(key);
    if (copy === undefined || digest(copy) !== digest(canonical(e))) report.altered.push(key);
  }
  report.removed.push(...keys);
  return report;
};
