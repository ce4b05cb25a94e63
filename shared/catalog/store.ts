import type { LexiconEntry, LexiconPinyin } from './lexicon.ts';
import type { AuditInput } from '../audit/audit.ts';
import type { Item } from './item.ts';
import type { IndexEntry, SearchFields } from './search-index.ts';

/**
 * Versions: every edit writes a new version (草稿 draft). Publishing makes it the one shown and
 * the one new cases pin; the version it replaces becomes superseded. Withdrawing takes the item
 * out of the public catalog (no new cases) while its history stays readable.
 */
export const VERSION_STATUSES = ['draft', 'published', 'superseded', 'withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: '草稿',
  published: '已发布',
  superseded: '已被新版本替代',
  withdrawn: '已撤回',
};

export interface Actor {
  userId: string;
  username: string;
  officeId: string;
  /** The name people know (lists show it; entries saved before it was kept show the login name). */
  displayName?: string;
}

export interface ItemVersion {
  code: string;
  version: number;
  status: VersionStatus;
  item: Item;
  search: SearchFields;
  createdAt: string;
  createdBy: Actor;
  /** Why this version was written: editor, import file name, seed. */
  source?: string;
  publishedAt?: string;
  publishedBy?: Actor;
  supersededAt?: string;
  withdrawnAt?: string;
  withdrawnBy?: Actor;
  withdrawReason?: string;
}

/** The state of an item as a whole, as the admin list shows it. */
export type ItemState = 'draft' | 'published' | 'withdrawn';
export const ITEM_STATE_LABELS: Record<ItemState, string> = { draft: '未发布', published: '已发布', withdrawn: '已撤回' };

export interface CatalogEntry {
  code: string;
  name: string;
  category: string;
  office: string;
  state: ItemState;
  latestVersion: number;
  latestStatus: VersionStatus;
  publishedVersion?: number;
  updatedAt: string;
  updatedBy: Actor;
  demo?: boolean;
}

/** The published copy of an item (C1), what the public guide and new cases read. */
export interface PublishedCopy {
  code: string;
  version: number;
  status: 'published' | 'withdrawn';
  item: Item;
  search: SearchFields;
  publishedAt: string;
  withdrawnAt?: string;
}

/** One write of a catalog transaction; each carries its own condition (optimistic concurrency). */
export type CatalogWrite =
  /** Condition: the version does not exist yet. */
  | { op: 'put-version'; row: ItemVersion }
  /** Condition: the version is currently in `from`. */
  | { op: 'set-status'; code: string; version: number; from: VersionStatus; to: VersionStatus; at: string; by: Actor; reason?: string }
  /** Condition: no published copy yet, or an older one. */
  | { op: 'put-current'; row: PublishedCopy }
  /** Condition: the published copy is this version and still published. */
  | { op: 'withdraw-current'; code: string; version: number; at: string }
  /** Condition: the entry's latest version is `expectedLatest` (null: the entry does not exist). */
  | { op: 'put-entry'; entry: CatalogEntry; expectedLatest: number | null }
  /** Adds 1 to the catalog version (C4): search indexes rebuild on their next check. */
  | { op: 'bump-catalog'; at: string }
  /** The county's own lexicon entries (C6). Condition: its revision is still `expectedRevision` (0: none saved yet). */
  | { op: 'put-lexicon'; lexicon: StoredLexicon; expectedRevision: number };

/** The county's own lexicon entries as saved by the county admin, with their pinyin (made at save time). */
export interface StoredLexicon {
  entries: LexiconEntry[];
  pinyin: LexiconPinyin;
  revision: number;
  updatedAt: string;
  updatedBy: Actor;
}

/** The catalog's persistence port (DynamoDB in dynamo-catalog.ts, in memory in memory-catalog.ts). */
export interface CatalogStore {
  listEntries(): Promise<CatalogEntry[]>;
  getEntry(code: string): Promise<CatalogEntry | undefined>;
  listVersions(code: string): Promise<ItemVersion[]>;
  getVersion(code: string, version: number): Promise<ItemVersion | undefined>;
  getCurrent(code: string): Promise<PublishedCopy | undefined>;
  /** The whole published catalog (C3), for the search index. */
  listPublished(): Promise<IndexEntry[]>;
  getCatalogVersion(): Promise<number>;
  /** The county's own lexicon entries (C6), if any were saved. */
  getLexicon(): Promise<StoredLexicon | undefined>;
  /**
   * Writes all or nothing, with the audit events that record them (at most 100 writes + audits
   * in one call). Throws ConflictError when a condition fails.
   */
  commit(writes: readonly CatalogWrite[], audits: readonly AuditInput[]): Promise<void>;
}

/** DynamoDB's limit of items in one TransactWrite. */
export const MAX_TRANSACTION_ITEMS = 100;
