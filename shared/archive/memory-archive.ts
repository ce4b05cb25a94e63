import type { AuditInput } from '../audit/audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import type { ArchiveRecord } from './model.ts';
import type { ArchivePackages, ArchiveStore } from './ports.ts';

/** ArchiveStore in memory (unit tests): the same version condition as on DynamoDB. */
export const memoryArchiveStore = (): ArchiveStore & { audits: AuditInput[]; writes: number } => {
  const records = new Map<string, ArchiveRecord>();
  const self = {
    audits: [] as AuditInput[],
    writes: 0,
    get: async (id: string) => structuredClone(records.get(id)),
    put: async (r: ArchiveRecord, expectedVersion: number, audit: AuditInput) => {
      if ((records.get(r.caseId)?.version ?? 0) !== expectedVersion) throw new ConflictError('ARCHIVE_STALE', '档案已被更新');
      records.set(r.caseId, structuredClone(r));
      self.audits.push(audit);
      self.writes++;
    },
    ofYear: async (year: string, limit: number) =>
      [...records.values()]
        .filter((r) => r.archiveDate.startsWith(year))
        .sort((a, b) => b.archiveDate.localeCompare(a.archiveDate))
        .slice(0, limit),
    retentionEnded: async (day: string, limit: number) =>
      [...records.values()].filter((r) => !r.destroyedAt && r.retainUntil && r.retainUntil <= day).slice(0, limit),
  };
  return self;
};

/** The locked bucket in memory: a key is written once; deleting before the lock's date is refused, as S3 compliance mode does. */
export const memoryArchivePackages = (today: () => string): ArchivePackages & { objects: Map<string, { zip: Uint8Array; lockUntil: string }> } => {
  const objects = new Map<string, { zip: Uint8Array; lockUntil: string }>();
  return {
    objects,
    put: async (key, zip, lockUntil) => {
      if (!objects.has(key)) objects.set(key, { zip, lockUntil });
    },
    get: async (key) => objects.get(key)?.zip,
    lock: async (key) => (objects.has(key) ? { mode: 'COMPLIANCE', until: objects.get(key)!.lockUntil, encrypted: true } : undefined),
    destroy: async (key) => {
      const o = objects.get(key);
      if (o && o.lockUntil > today()) throw new Error('AccessDenied: object is locked');
      objects.delete(key);
    },
  };
};
