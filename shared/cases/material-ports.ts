import type { AuditInput } from '../audit/audit.ts';
import type { MaterialFile } from './materials-model.ts';

/** The materials bucket (S3 in s3-material-files.ts, in memory in memory-material-files.ts). */
export interface MaterialObjects {
  /** A presigned PUT the browser (or a queued offline action) sends the file with; the signed headers must be sent as given. */
  presignPut(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<{ url: string; headers: Record<string, string> }>;
  /** A short-lived presigned GET, offered as a download under the file's name. */
  presignGet(key: string, fileName: string, expiresInSeconds: number): Promise<string>;
  /** Size of the stored object, or undefined when nothing was uploaded. */
  head(key: string): Promise<{ size: number } | undefined>;
  /** The whole object (at most the per-file cap), or undefined. */
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
}

/** Per-case totals, taken atomically before a file may be uploaded. */
export interface MaterialCaps {
  maxFiles: number;
  maxBytes: number;
}

/** The material records of the cases table (dynamo-materials.ts, memory-materials.ts). */
export interface MaterialStore {
  /**
   * Records a pending file and takes its place in the case's totals, all or nothing, with the
   * audit event. False when the totals would pass the caps (nothing written).
   */
  reserve(file: MaterialFile, caps: MaterialCaps, audit: AuditInput): Promise<boolean>;
  get(caseId: string, materialId: string): Promise<MaterialFile | undefined>;
  /** Every file of a case (pending, stored and refused), oldest first. */
  list(caseId: string): Promise<MaterialFile[]>;
  /** A checked file: stored, with its checksum. Conditional on it still being pending. */
  stored(caseId: string, materialId: string, at: string, sha256: string, audit: AuditInput): Promise<void>;
  /** A refused file: marked refused and its place in the totals given back. Conditional on it still being pending. */
  refused(caseId: string, materialId: string, at: string, audit: AuditInput): Promise<void>;
}

export interface MaterialPorts {
  materials: MaterialStore;
  objects: MaterialObjects;
}
