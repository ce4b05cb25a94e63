import type { AuditInput } from '../audit/audit.ts';
import type { Item } from './item.ts';
import type { IndexEntry } from './search-index.ts';
import type { Actor, CatalogEntry, ItemVersion, PublishedCopy, StoredLexicon, VersionStatus } from './versions.ts';

/**
 * The catalog's ports, types only. The store: dynamo-catalog.ts (C1–C6 in
 * shared/db/AccessPatterns.md), memory-catalog.ts, both held to test/unit/catalog/store-contract.ts.
 * The reader other contexts take: reader.ts over the store, memory-catalog-reader.ts over fixed
 * items. The search feedback: dynamo-search-misses.ts (C7), memory-search-misses.ts, held to
 * test/unit/catalog/search-misses-contract.ts.
 */

/** Why a query counts as not found: it found nothing, or its results were left without a click. */
export type MissKind = 'zero' | 'noClick';

/** One query people could not find, in one Beijing month (no personal data: see search-misses.ts). */
export interface SearchMiss {
  query: string;
  zero: number;
  noClick: number;
  lastAt: string;
  /** Set when the county admin made it findable (added as 俗称 of an item). */
  handled?: { code: string; name: string; at: string };
}

export interface SearchMissStore {
  /** Counts one more miss of a query in a month (an atomic ADD: no read before the write). */
  record(month: string, query: string, kind: MissKind, at: string): Promise<void>;
  /** The month's misses, most counted first, at most `limit`. */
  top(month: string, limit: number): Promise<SearchMiss[]>;
  /** Marks a query of a month as made findable. */
  markHandled(month: string, query: string, handled: NonNullable<SearchMiss['handled']>): Promise<void>;
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

/** The catalog's persistence port (DynamoDB in dynamo-catalog.ts, in memory in memory-catalog.ts). */
export interface CatalogStore {
  /** Every item's entry, in code order. */
  listEntries(): Promise<CatalogEntry[]>;
  getEntry(code: string): Promise<CatalogEntry | undefined>;
  /** An item's versions, oldest first. */
  listVersions(code: string): Promise<ItemVersion[]>;
  getVersion(code: string, version: number): Promise<ItemVersion | undefined>;
  getCurrent(code: string): Promise<PublishedCopy | undefined>;
  /** The whole published catalog (C3), for the search index, in code order. */
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

/**
 * The catalog as other contexts see it (cases, commissions): read-only, no search. A case pins
 * the `version` it was accepted under and later reads that exact version with getItemVersion,
 * whatever was published since.
 */
export interface CatalogReader {
  /** The published version of an item; undefined when unknown, never published or withdrawn. */
  getPublishedItem(code: string): Promise<{ item: Item; version: number } | undefined>;
  /** One version (any state except draft), e.g. the one a case pinned. */
  getItemVersion(code: string, version: number): Promise<{ item: Item; version: number; status: VersionStatus } | undefined>;
}
