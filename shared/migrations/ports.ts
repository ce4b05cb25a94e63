import type { AuditInput } from '../audit/audit.ts';
import type { TableId } from '../platform/tables.ts';
import type { MigrationRecord, Patch, StoredItem } from './migration.ts';

export type UpdateOutcome = 'updated' | 'changed-meanwhile' | 'gone';

/**
 * What running migrations needs of the tables: DynamoDB in dynamo-migrations.ts, in memory in
 * memory-migrations.ts (one contract, test/unit/migrations/store-contract.ts, runs on both).
 */
export interface MigrationStore {
  /** Ids of the migrations recorded as applied in this table, in id order. */
  applied(table: TableId): Promise<string[]>;
  /** Every item of the table except the migration records, a page at a time. */
  scan(table: TableId): AsyncIterable<StoredItem[]>;
  /** The item now (consistent read), or undefined. */
  get(table: TableId, key: { pk: string; sk: string }): Promise<StoredItem | undefined>;
  /**
   * Applies the patch if the item is still there and its `reads` attributes still hold the values
   * of `seen` (absent ones still absent); never creates the item. An empty patch writes nothing
   * and answers 'updated'.
   */
  update(table: TableId, seen: StoredItem, reads: readonly string[], patch: Patch): Promise<UpdateOutcome>;
  /** Adds one to a counter attribute (created at 1 when absent). */
  bump(table: TableId, key: { pk: string; sk: string }, attribute: string): Promise<void>;
  /** Records the migration with its audit event; false when another run recorded it first. */
  record(table: TableId, record: MigrationRecord, audit: readonly AuditInput[]): Promise<boolean>;
}
