import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/dynamo-client.ts';
import { migrationKeys } from '../db/keys.ts';
import { isCancelled, isConditionFailed, queryAll, scanPages } from '../db/dynamo-kit.ts';
import { tableName } from '../platform/env.ts';
import type { StoredItem } from './migration.ts';
import type { MigrationStore } from './ports.ts';

/** MigrationStore on the county's tables (access pattern M1; the scan is the migration's own). */
const MIGRATION_PK = migrationKeys.all().pk;

export const dynamoMigrationStore = (): MigrationStore => ({
  async applied(table) {
    const rows = await queryAll({
      TableName: tableName(table),
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': MIGRATION_PK },
      ConsistentRead: true,
    });
    return rows.map((i) => String(i.sk));
  },

  async *scan(table) {
    const pages = scanPages({
      TableName: tableName(table),
      FilterExpression: 'pk <> :m',
      ExpressionAttributeValues: { ':m': MIGRATION_PK },
      ConsistentRead: true,
    });
    for await (const r of pages) yield (r.Items ?? []) as StoredItem[];
  },

  async get(table, key) {
    const r = await dynamo().send(new GetCommand({ TableName: tableName(table), Key: key, ConsistentRead: true }));
    return r.Item as StoredItem | undefined;
  },

  async update(table, seen, reads, patch) {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const conditions = ['attribute_exists(pk)'];
    reads.forEach((a, i) => {
      names[`#r${i}`] = a;
      if (seen[a] === undefined) conditions.push(`attribute_not_exists(#r${i})`);
      else {
        values[`:r${i}`] = seen[a];
        conditions.push(`#r${i} = :r${i}`);
      }
    });
    const set = Object.entries(patch.set ?? {}).map(([a, v], i) => {
      names[`#s${i}`] = a;
      values[`:s${i}`] = v;
      return `#s${i} = :s${i}`;
    });
    const remove = (patch.remove ?? []).map((a, i) => {
      names[`#d${i}`] = a;
      return `#d${i}`;
    });
    const update = [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''].filter(Boolean).join(' ');
    if (!update) return 'updated';
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName(table),
          Key: { pk: seen.pk, sk: seen.sk },
          UpdateExpression: update,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        }),
      );
      return 'updated';
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
      return (await this.get(table, { pk: seen.pk, sk: seen.sk })) ? 'changed-meanwhile' : 'gone';
    }
  },

  async bump(table, key, attribute) {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(table),
        Key: key,
        UpdateExpression: 'ADD #a :one',
        ExpressionAttributeNames: { '#a': attribute },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  },

  async record(table, record, audit) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName(table), Item: { ...migrationKeys.record(record.id), ...record }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...audit.map((a) => auditPut(a)),
          ],
        }),
      );
      return true;
    } catch (e) {
      if (isCancelled(e)) return false;
      throw e;
    }
  },
});
