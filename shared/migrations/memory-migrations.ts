import { isDeepStrictEqual } from 'node:util';
import type { AuditInput } from '../audit/audit.ts';
import type { TableId } from '../platform/tables.ts';
import type { MigrationRecord, StoredItem } from './migration.ts';
import type { MigrationStore } from './ports.ts';

/** MigrationStore in memory for unit tests: the same conditional update and first-writer-wins record. */
export interface MemoryMigrationStore extends MigrationStore {
  readonly tables: Map<TableId, Map<string, StoredItem>>;
  readonly records: Map<TableId, MigrationRecord[]>;
  readonly audits: AuditInput[];
  /** Called before each conditional update: tests change the item under the migration here. */
  beforeUpdate?: (table: TableId, key: string) => void;
}

const keyOf = (i: { pk: string; sk: string }) => `${i.pk}|${i.sk}`;

export const memoryMigrationStore = (seed: Partial<Record<TableId, StoredItem[]>> = {}, pageSize = 2): MemoryMigrationStore => {
  const tables = new Map<TableId, Map<string, StoredItem>>();
  for (const [t, items] of Object.entries(seed) as Array<[TableId, StoredItem[]]>) tables.set(t, new Map(items.map((i) => [keyOf(i), structuredClone(i)])));
  const records = new Map<TableId, MigrationRecord[]>();
  const audits: AuditInput[] = [];
  const table = (t: TableId) => tables.get(t) ?? tables.set(t, new Map()).get(t)!;
  const store: MemoryMigrationStore = {
    tables,
    records,
    audits,
    // in id order, as the adapter's query of the records' sort keys gives them
    applied: async (t) => (records.get(t) ?? []).map((r) => r.id).sort(),
    async *scan(t) {
      const items = [...table(t).values()];
      for (let i = 0; i < items.length; i += pageSize) yield items.slice(i, i + pageSize).map((x) => structuredClone(x));
    },
    get: async (t, key) => structuredClone(table(t).get(keyOf(key))),
    update: async (t, seen, reads, patch) => {
      store.beforeUpdate?.(t, keyOf(seen));
      // nothing to write is nothing to check, as with the adapter (DynamoDB has no empty update)
      if (!Object.keys(patch.set ?? {}).length && !(patch.remove ?? []).length) return 'updated';
      const now = table(t).get(keyOf(seen));
      if (!now) return 'gone';
      if (!reads.every((a) => isDeepStrictEqual(now[a], seen[a]))) return 'changed-meanwhile';
      const next: StoredItem = { ...now, ...structuredClone(patch.set ?? {}) };
      for (const a of patch.remove ?? []) delete next[a];
      table(t).set(keyOf(seen), next);
      return 'updated';
    },
    bump: async (t, key, attribute) => {
      const now = table(t).get(keyOf(key)) ?? { ...key };
      table(t).set(keyOf(key), { ...now, [attribute]: Number(now[attribute] ?? 0) + 1 });
    },
    record: async (t, record, audit) => {
      const list = records.get(t) ?? [];
      if (list.some((r) => r.id === record.id)) return false;
      records.set(t, [...list, record]);
      audits.push(...audit);
      return true;
    },
  };
  return store;
};
