import { BatchWriteCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { OPEN_SHARDS, supervisionKeys } from '../db/keys.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { outboxRefId, type OutboxRef } from './alert.ts';
import type { Order } from './order.ts';
import type { OutboxStore, ScanStore, Settlement } from './ports.ts';
import type { Watch } from './watch.ts';
import { accountabilityItem, alertItem, orderItem, queryAll, T, tallyUpdate, timelinePut } from './dynamo-items.ts';
import { anyConditionFailed, isCancelled, isConditionFailed, queryPages, withoutKeys } from '../db/dynamo-kit.ts';

/**
 * The scan's side of supervision on the cases table: the look-at index (S2, gsi3 `WATCH#<shard>`,
 * sparse), settlements as one transaction each, and the outbox (S5).
 */
const watchOf = (i: Record<string, unknown>): Watch => ({
  caseId: i.caseId as string,
  case: i.case as Watch['case'],
  caseVersion: Number(i.caseVersion),
  rev: Number(i.rev ?? 0),
  given: (i.given ?? {}) as Record<string, string>,
  counted: (i.counted ?? {}) as Watch['counted'],
  level: (i.level ?? 'none') as Watch['level'],
  ...(typeof i.lookAt === 'string' ? { lookAt: i.lookAt } : {}),
});

const watchUpdate = (w: NonNullable<Settlement['watch']>) => {
  const k = w.lookAt ? supervisionKeys.lookAt(w.caseId, w.lookAt) : undefined;
  return {
    Update: {
      TableName: T(),
      Key: supervisionKeys.watch(w.caseId),
      UpdateExpression: `SET #given = :g, #counted = :c, #level = :l, #rev = #rev + :one${k ? ', lookAt = :at, gsi3pk = :p, gsi3sk = :s' : ' REMOVE lookAt, gsi3pk, gsi3sk'}`,
      // only the snapshot this look was made on, and only once (two scans never settle one watch twice)
      ConditionExpression: 'caseVersion = :cv AND #rev = :rev',
      ExpressionAttributeNames: { '#given': 'given', '#counted': 'counted', '#level': 'level', '#rev': 'rev' },
      ExpressionAttributeValues: {
        ':g': w.given,
        ':c': w.counted,
        ':l': w.level,
        ':one': 1,
        ':cv': w.expect.caseVersion,
        ':rev': w.expect.rev,
        ...(k ? { ':at': w.lookAt, ':p': k.gsi3pk, ':s': k.gsi3sk } : {}),
      },
    },
  };
};

export const outboxPut = (ref: OutboxRef, at: string) => ({ Put: { TableName: T(), Item: { ...supervisionKeys.outbox(outboxRefId(ref)), ref, at } } });

/** Attempts while only another transaction held an item (a counter): the look is simply made again. */
const BUSY_ATTEMPTS = 4;

export const dynamoScanStore = (): ScanStore & OutboxStore => ({
  dueForLook: async (now) => {
    const shards = await Promise.all(
      Array.from({ length: OPEN_SHARDS }, (_v, shard) => {
        const k = supervisionKeys.lookShard(shard);
        return queryAll({
          IndexName: k.index,
          KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :h',
          ExpressionAttributeValues: { ':p': k.pk, ':h': `${now}#\uffff` },
        });
      }),
    );
    const items = shards.flatMap((s) => s.items);
    return {
      watches: items.filter((i) => i.sk === 'WATCH').map(watchOf),
      orders: items.filter((i) => i.sk === 'ORDER').map((i) => withoutKeys<Order>(i)),
      consumedRcu: shards.reduce((n, s) => n + s.consumedRcu, 0),
    };
  },
  settle: async (s) => {
    const items = [
      ...(s.watch ? [watchUpdate(s.watch)] : []),
      ...(s.order
        ? [
            {
              Put: {
                TableName: T(),
                Item: orderItem({ ...s.order.next, rev: s.order.expectRev + 1 }),
                ConditionExpression: 'rev = :r',
                ExpressionAttributeValues: { ':r': s.order.expectRev },
              },
            },
          ]
        : []),
      ...s.alerts.flatMap((a) => [
        { Put: { TableName: T(), Item: alertItem(a), ConditionExpression: 'attribute_not_exists(pk)' } },
        outboxPut({ type: 'alert', id: a.id }, a.at),
      ]),
      ...s.events.map(timelinePut),
      ...s.tallies.map(tallyUpdate),
      ...(s.accountability ? [{ Put: { TableName: T(), Item: accountabilityItem(s.accountability) } }] : []),
      ...s.audits.map((a) => auditPut(a, new Date())),
    ];
    for (let attempt = 1; ; attempt++) {
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: items as never }));
        return true;
      } catch (e) {
        if (!isCancelled(e)) throw e;
        // a condition failed: the watch or order moved on (or this look was already made)
        if (anyConditionFailed(e)) return false;
        if (attempt >= BUSY_ATTEMPTS) return false;
        await new Promise((res) => setTimeout(res, 25 * attempt + Math.random() * 50));
      }
    }
  },
  claimOutbox: async (limit, now, until) => {
    const claimed: OutboxRef[] = [];
    // a Limit counts the items read, not those the filter keeps: entries leased to another relay
    // would hide the free ones behind them, so page on until `limit` are claimed
    for await (const page of queryPages({
      TableName: T(),
      KeyConditionExpression: 'pk = :p',
      FilterExpression: 'attribute_not_exists(leasedUntil) OR leasedUntil <= :now',
      ExpressionAttributeValues: { ':p': supervisionKeys.outboxAll().pk, ':now': now },
      ConsistentRead: true,
    })) {
      for (const i of page.Items ?? []) {
        if (claimed.length >= limit) return claimed;
        try {
          await dynamo().send(
            new UpdateCommand({
              TableName: T(),
              Key: { pk: i.pk, sk: i.sk },
              UpdateExpression: 'SET leasedUntil = :until',
              ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(leasedUntil) OR leasedUntil <= :now)',
              ExpressionAttributeValues: { ':until': until, ':now': now },
            }),
          );
          claimed.push(i.ref as OutboxRef);
        } catch (e) {
          // another relay claimed (or cleared) it first
          if (!isConditionFailed(e)) throw e;
        }
      }
      if (claimed.length >= limit) break;
    }
    return claimed;
  },
  clearOutbox: async (refs) => {
    const keys = refs.map((r) => supervisionKeys.outbox(outboxRefId(r)));
    for (let i = 0; i < keys.length; i += 25) {
      await dynamo().send(new BatchWriteCommand({ RequestItems: { [T()]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) } }));
    }
  },
});
