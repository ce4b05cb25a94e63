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
