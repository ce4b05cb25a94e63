import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { isConditionFailed, queryAtMost } from '../db/dynamo-kit.ts';
import { tableName } from '../platform/env.ts';
import { catalogKeys } from '../db/keys.ts';
import type { MissKind, SearchMiss, SearchMissStore } from './ports.ts';

/** SearchMissStore on the catalog table (C7): one counter row per query and month, ADD only. */
const table = (): string => tableName('catalog');
/** How long a month's counters are kept after their last hit. */
const KEEP_SECONDS = 400 * 86_400;
/** The most rows of one month the admin's list reads (a month of spam cannot make it slow). */
const READ_AT_MOST = 2_000;

export const dynamoSearchMisses = (): SearchMissStore => ({
  record: async (month, query, kind: MissKind, at) => {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: catalogKeys.searchMiss(month, query),
        UpdateExpression: 'ADD #k :one SET #q = :q, lastAt = :at, expiresAt = :exp',
        ExpressionAttributeNames: { '#k': kind, '#q': 'query' },
        ExpressionAttributeValues: { ':one': 1, ':q': query, ':at': at, ':exp': Math.floor(Date.parse(at) / 1000) + KEEP_SECONDS },
      }),
    );
  },
  top: async (month, limit) => {
    const k = catalogKeys.searchMisses(month);
    const items = await queryAtMost(
      { TableName: table(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': k.pk, ':p': k.skPrefix } },
      READ_AT_MOST,
    );
    const rows: SearchMiss[] = items.map((r) => ({
      query: String(r.query),
      zero: Number(r.zero ?? 0),
      noClick: Number(r.noClick ?? 0),
      lastAt: String(r.lastAt),
      ...(r.handled ? { handled: r.handled as SearchMiss['handled'] } : {}),
    }));
    return rows.sort((a, b) => b.zero + b.noClick - (a.zero + a.noClick) || (a.lastAt < b.lastAt ? 1 : -1)).slice(0, limit);
  },
  markHandled: async (month, query, handled) => {
    await dynamo()
      .send(
        new UpdateCommand({
          TableName: table(),
          Key: catalogKeys.searchMiss(month, query),
          UpdateExpression: 'SET handled = :h',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':h': handled },
        }),
      )
      .catch((e: unknown) => {
        // a query never counted (typed in by hand) has nothing to mark
        if (!isConditionFailed(e)) throw e;
      });
  },
});
