import type { CaseRecord } from '../cases/model.ts';
import type { Item } from '../catalog/item.ts';
import { bjDate } from '../platform/beijing-time.ts';

/**
 * The electronic archive of a case (GB/T 42727-2023 归档信息包; docs/archive.md): one package per
 * case, built after 办结/送达 by the archive queue's consumer, locked in S3 (Object Lock,
 * compliance) until its retention ends.
 */
export const RETENTIONS = ['permanent', '30y', '10y'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const RETENTION_LABELS: Record<Retention, string> = { permanent: '永久', '30y': '30年', '10y': '10年' };
const YEARS: Record<Exclude<Retention, 'permanent'>, number> = { '30y': 30, '10y': 10 };
/** A permanent package is locked a century (S3 needs a date; it is never on the destruction list). */
export const PERMANENT_LOCK_YEARS = 100;

/** The catalog's retention of an item; without one: 10 years for a 即办件, 30 for the rest. */
export const retentionOf = (item: Pick<Item, 'kind'> & { archiveRetention?: Retention | undefined }): Retention =>
  item.archiveRetention ?? (item.kind === 'immediate' ? '10y' : '30y');

/** Statuses after which a case is archived (办结 and what ends a case without a decision). */
export const ARCHIVABLE = new Set(['decided', 'delivered', 'not_accepted', 'withdrawn']);

/**
 * The archive's dates, derived from the case's own dates — the last of 送达, 办结, 撤回 (or intake,
 * for 不予受理) — and recomputed from them each time the package is looked at again: a corrected
 * delivery date or a reopened case moves them. The retention runs from 1 January of the year after
 * the archive year (保管期限自归档年度次年1月1日起算).
 */
export const archiveDates = (
  c: Pick<CaseRecord, 'createdAt' | 'decision' | 'delivery' | 'withdrawal'>,
  retention: Retention,
): { archiveDate: string; retainUntil: string; lockUntil: string } => {
  const ends = [c.delivery?.at, c.decision?.at, c.withdrawal?.at, c.createdAt].filter((x): x is string => Boolean(x));
  const last = ends.sort().at(-1)!;
  const archiveDate = bjDate(last);
  const year = Number(archiveDate.slice(0, 4));
  const years = retention === 'permanent' ? PERMANENT_LOCK_YEARS : YEARS[retention];
  const until = `${year + 1 + years}-01-01`;
  return { archiveDate, retainUntil: retention === 'permanent' ? '' : until, lockUntil: until };
};

export interface ArchivedFile {
  /** Path inside the package. */
  name: string;
  sha256: string;
  size: number;
}

export interface ArchiveChecks {
  /** 真实性: the stored package reads back with every checksum of its manifest, and its metadata is the case's. */
  authenticity: boolean;
  /** 完整性: every document the case has and every stored material is in it; no metadata element empty. */
  integrity: boolean;
  /** 可用性: every file is in a long-term format (PDF, JPEG, PNG) its first bytes confirm; the zip opens. */
  usability: boolean;
  /** 安全性: stored encrypted under Object Lock (compliance) until at least its retain-until date. */
  security: boolean;
}

export interface DestructionApproval {
  by: string;
  byName: string;
  at: string;
}

/** The archive record of a case (`pk=ARCHIVE#<caseId>`), the package's current version. */
export interface ArchiveRecord {
  caseId: string;
  number: string;
  itemCode: string;
  itemName: string;
  officeId: string;
  applicantType: 'person' | 'organisation';
  /** 档号: the package's name. */
  archiveCode: string;
  retention: Retention;
  archiveDate: string;
  /** '' for 永久. */
  retainUntil: string;
  lockUntil: string;
  /** The digest of everything the package was built from: the same inputs are never archived twice. */
  inputs: string;
  packageKey: string;
  packageSha256: string;
  packageSize: number;
  packageVersion: number;
  files: ArchivedFile[];
  checks: ArchiveChecks;
  archivedAt: string;
  approvals: DestructionApproval[];
  destroyedAt?: string;
  version: number;
}

/** 档号: county, archive year, retention, the case number (业务流水号) — unique and readable. */
export const archiveCodeOf = (countyCode: string, archiveDate: string, retention: Retention, number: string): string =>
  `${countyCode}-${archiveDate.slice(0, 4)}-${retention === 'permanent' ? 'Y' : retention === '30y' ? 'D30' : 'D10'}-${number}`;
