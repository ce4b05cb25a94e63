import { auditEventOf, dynamoAuditReader } from './dynamo-audit-reader.ts';
import { s3AuditArchive } from './s3-audit-archive.ts';
import { archiveEvents } from './archive.ts';
import type { AuditArchive } from './ports.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import type { AuditEvent } from './audit.ts';

/** Every event of a month from the table, for the comparison with the locked copy. */
export const monthEvents = async (month: string): Promise<AuditEvent[]> => {
  const r = await dynamoAuditReader().month(month, { from: `${month}-01T00:00:00.000Z`, to: `${month}-31T23:59:59.999Z` }, {}, 1_000_000);
  return r.events;
};

export const archivePorts = (bucket?: string): { archive: AuditArchive; events: typeof monthEvents } => ({
  archive: s3AuditArchive(bucket),
  events: monthEvents,
});

/** The stream's copy: one audit item as the table holds it → the locked archive bucket. */
const streamArchiveKept = containerSlot<AuditArchive>();
export const archiveAuditItem = (item: Record<string, unknown>): Promise<void> =>
  archiveEvents({ archive: streamArchiveKept.get(() => s3AuditArchive()) }, [auditEventOf(item)]);
