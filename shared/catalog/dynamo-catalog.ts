import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { tableName } from '../platform/env.ts';
import { catalogKeys } from '../db/keys.ts';
import { inTable, isCancelled, withoutKeys } from '../db/dynamo-kit.ts';
import type { AuditInput } from '../audit/audit.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import type { CatalogEntry, ItemVersion, PublishedCopy, StoredLexicon } from './versions.ts';
import type { CatalogStore, CatalogWrite } from './ports.ts';
import type { IndexEntry } from './search-index.ts';

/** CatalogStore on the county's catalog table (access patterns C1–C5 in shared/db/AccessPatterns.md). */
const table = (): string => tableName('catalog');

const { queryAll, get } = inTable(table);

/** The domain record without the key, index and `type` attributes. */
const strip = <T>(row: Record<string, unknown>): T => withoutKeys<T>(row, 'type');

const toTransactItem = (w: CatalogWrite) => {
  const TableName = table();
  switch (w.op) {
    case 'put-version':
      return {
        Put: {
          TableName,
          Item: { ...catalogKeys.version(w.row.code, w.row.version), type: 'version', ...w.row },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    case 'set-status': {
      const names: Record<string, string> = { '#s': 'status', '#at': `${w.to}At` };
      const values: Record<string, unknown> = { ':from': w.from, ':to': w.to, ':at': w.at };
      let set = '#s = :to, #at = :at';
      if (w.to === 'published' || w.to === 'withdrawn') {
        names['#by'] = `${w.to}By`;
        values[':by'] = w.by;
        set += ', #by = :by';
      }
      if (w.reason) {
        names['#r'] = 'withdrawReason';
        values[':r'] = w.reason;
        set += ', #r = :r';
      }
      return {
        Update: {
          TableName,
          Key: catalogKeys.version(w.code, w.version),
          UpdateExpression: `SET ${set}`,
          ConditionExpression: '#s = :from',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    }
    case 'put-current':
      return {
        Put: {
          TableName,
          Item: { ...catalogKeys.current(w.row.code), ...catalogKeys.publishedIndex(w.row.code), type: 'current', ...w.row },
          ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
          ExpressionAttributeValues: { ':v': w.row.version },
        },
      };
    case 'withdraw-current':
      return {
        Update: {
          TableName,
          Key: catalogKeys.current(w.code),
          // dropping the gsi1 attributes takes the item out of the published catalog (sparse index)
          UpdateExpression: 'SET #s = :w, withdrawnAt = :at REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'version = :v AND #s = :p',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':w': 'withdrawn', ':p': 'published', ':v': w.version, ':at': w.at },
        },
      };
    case 'put-entry':
      return {
        Put: {
          TableName,
          Item: { ...catalogKeys.entry(w.entry.code), type: 'entry', ...w.entry },
          ...(w.expectedLatest === null
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'latestVersion = :e', ExpressionAttributeValues: { ':e': w.expectedLatest } }),
        },
      };
    case 'put-lexicon':
      return {
        Put: {
          TableName,
          Item: { ...catalogKeys.lexicon(), type: 'lexicon', ...w.lexicon },
          ...(w.expectedRevision === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'revision = :r', ExpressionAttributeValues: { ':r': w.expectedRevision } }),
        },
      };
    case 'bump-catalog':
      return {
        Update: {
          TableName,
          Key: catalogKeys.meta(),
          UpdateExpression: 'ADD catalogVersion :one SET updatedAt = :at',
          ExpressionAttributeValues: { ':one': 1, ':at': w.at },
        },
      };
  }
};

export const dynamoCatalogStore = (): CatalogStore => ({
  listEntries: async () => {
    const k = catalogKeys.entries();
    const rows = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': k.pk, ':p': k.skPrefix },
    });
    return rows.map((r) => strip<CatalogEntry>(r));
  },
  getEntry: async (code) => {
    const row = await get(catalogKeys.entry(code), true);
    return row ? strip<CatalogEntry>(row) : undefined;
  },
  listVersions: async (code) => {
    const k = catalogKeys.versionsOf(code);
    const rows = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': k.pk, ':p': k.skPrefix },
      ConsistentRead: true,
    });
    return rows.map((r) => strip<ItemVersion>(r));
  },
  getVersion: async (code, version) => {
    const row = await get(catalogKeys.version(code, version), true);
    return row ? strip<ItemVersion>(row) : undefined;
  },
  getCurrent: async (code) => {
    const row = await get(catalogKeys.current(code));
    return row ? strip<PublishedCopy>(row) : undefined;
  },
  listPublished: async () => {
    const k = catalogKeys.publishedCatalog();
    const rows = await queryAll({
      IndexName: k.index,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': k.pk },
    });
    return rows.map((r) => {
      const c = strip<PublishedCopy>(r);
      return { item: c.item, version: c.version, search: c.search } satisfies IndexEntry;
    });
  },
  getCatalogVersion: async () => {
    const row = await get(catalogKeys.meta());
    return typeof row?.catalogVersion === 'number' ? row.catalogVersion : 0;
  },
  getLexicon: async () => {
    const row = await get(catalogKeys.lexicon(), true);
    return row ? strip<StoredLexicon>(row) : undefined;
  },
  commit: async (writes, audits) => {
    if (!writes.length) return;
    const now = new Date();
    const TransactItems = [...writes.map(toTransactItem), ...audits.map((a: AuditInput) => auditPut(a, now))];
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems }));
    } catch (e) {
      if (isCancelled(e)) throw new ConflictError('CATALOG_CONFLICT', '事项刚被他人修改（版本已变化），请刷新后重试');
      throw e;
    }
  },
});
