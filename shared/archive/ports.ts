import type { AuditInput } from '../audit/audit.ts';
import type { CasePorts } from '../cases/ports.ts';
import type { MaterialPorts } from '../cases/ports.ts';
import type { DocumentSettings } from '../documents/case-documents.ts';
import type { ArchiveRecord } from './model.ts';

/** The archive bucket: packages under S3 Object Lock, compliance mode (s3-archive-packages.ts, memory-archive-packages.ts). */
export interface ArchivePackages {
  /** Writes a package locked until `lockUntil` (YYYY-MM-DD); never overwrites a key. */
  put(key: string, zip: Uint8Array, lockUntil: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** What the bucket says of the object's lock and encryption. */
  lock(key: string): Promise<{ mode?: string; until?: string; encrypted: boolean } | undefined>;
  /** Deletes every version of a key; the bucket refuses while any version is locked. */
  destroy(key: string): Promise<void>;
}

/** The archive records (`pk=ARCHIVE#<caseId>`, AR1–AR3) on the cases table (dynamo-archive.ts, memory-archive.ts). */
export interface ArchiveStore {
  get(caseId: string): Promise<ArchiveRecord | undefined>;
  /** Writes the record: new when `expectedVersion` is 0, else conditional on it (a concurrent writer: CONFLICT). With its audit event. */
  put(record: ArchiveRecord, expectedVersion: number, audit: AuditInput): Promise<void>;
  /** Records of an archive year, newest first, at most `limit`. */
  ofYear(year: string, limit: number): Promise<ArchiveRecord[]>;
  /** Records not destroyed whose retention ended on or before `day`. */
  retentionEnded(day: string, limit: number): Promise<ArchiveRecord[]>;
}

export interface ArchivePorts extends Pick<CasePorts, 'cases' | 'catalog' | 'offices' | 'clock'> {
  archive: ArchiveStore;
  packages: ArchivePackages;
  materials: MaterialPorts;
  /** Draws a document to PDF (shared/documents/pdf.ts; a stand-in in unit tests). */
  render: (doc: import('../documents/texts.ts').CaseDocument) => Promise<Uint8Array>;
  settings: DocumentSettings & { countyCode: string };
}
