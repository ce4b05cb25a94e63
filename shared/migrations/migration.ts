import type { AuditInput } from '../audit/audit.ts';
import type { TableId } from '../platform/tables.ts';

/**
 * A data migration: a release that changes the shape of stored items ships one, and every county
 * runs it on deploy (a custom resource) or by hand (`npm run migrate`). The code of a release
 * reads both shapes; the migration rewrites the old ones so the next release can stop reading them.
 *
 * Migrations are item transforms: `up` looks at one stored item (keys and all) and returns the
 * attributes to set or remove, or null when the item already has the new shape — so running a
 * migration twice, or on a table restored from before it ran, changes nothing it should not.
 */
export type StoredItem = Record<string, unknown> & { pk: string; sk: string };

export interface Patch {
  set?: Record<string, unknown>;
  remove?: string[];
}

/** Audit events are append-only: no migration ever touches them. */
export type MigratableTable = Exclude<TableId, 'audit'>;

export interface Migration {
  /** `NNNN-what`: migrations run in id order, each once per table. */
  readonly id: string;
  readonly table: MigratableTable;
  readonly description: string;
  /**
   * The attributes `up` derives its patch from: the write is conditional on them being unchanged
   * since the item was read, so a concurrent change is never overwritten with a stale derivation.
   */
  readonly reads: readonly string[];
  /**
   * The counter that caches built from this table watch (the catalog version for the search
   * index): added to once after the migration changed something, so warm containers rebuild.
   */
  readonly bumps?: { key: { pk: string; sk: string }; attribute: string };
  up(item: StoredItem): Patch | null;
}

/** Kept in the migrated table itself: a table restored from before a migration runs it again. */
export interface MigrationRecord {
  id: string;
  description: string;
  appliedAt: string;
  scanned: number;
  changed: number;
  by: string;
}

export type UpdateOutcome = 'updated' | 'changed-meanwhile' | 'gone';

/** What running migrations needs of the tables. */
export interface MigrationStore {
  /** Ids of the migrations recorded as applied in this table. */
  applied(table: TableId): Promise<string[]>;
  /** Every item of the table except the migration records, a page at a time. */
  scan(table: TableId): AsyncIterable<StoredItem[]>;
  /** The item now (consistent read), or undefined. */
  get(table: TableId, key: { pk: string; sk: string }): Promise<StoredItem | undefined>;
  /** Applies the patch if the `reads` attributes still hold the values of `seen`. */
  update(table: TableId, seen: StoredItem, reads: readonly string[], patch: Patch): Promise<UpdateOutcome>;
  /** Adds one to a counter attribute (created at 1 when absent). */
  bump(table: TableId, key: { pk: string; sk: string }, attribute: string): Promise<void>;
  /** Records the migration with its audit event; false when another run recorded it first. */
  record(table: TableId, record: MigrationRecord, audit: readonly AuditInput[]): Promise<boolean>;
}
