import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { caseKeys, OPEN_SHARDS, supervisionKeys } from '../db/keys.ts';
import type { DayFigures, DueCase, FigureStore } from './ports.ts';
import { addInto, type Dim, type TallyRow } from './tallies.ts';
import { digestItem, queryAll, T } from './dynamo-items.ts';
import { isCancelled, withoutKeys } from '../db/dynamo-kit.ts';
import { outboxPut } from './dynamo-supervision.ts';
import type { Digest } from './ports.ts';

/** Counters (S8: one Query per month or for the gauges), day counters (K10), due cases (K5), digests (S9). */
export const dynamoFigureStore = (): FigureStore => ({
  tallies: async (period) => {
    const { items } = await queryAll({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': supervisionKeys.tallies(period).pk } });
    // `<dim>#<key>#<shard>`: the shards of a key are summed
    const rows = new Map<string, TallyRow>();
    for (const i of items) {
      const sk = String(i.sk);
      const first = sk.indexOf('#');
      const last = sk.lastIndexOf('#');
      const add = Object.fromEntries(Object.entries(i).filter(([k, v]) => k !== 'pk' && k !== 'sk' && typeof v === 'number'));
      addInto(rows, { period, dim: sk.slice(0, first) as Dim, key: sk.slice(first + 1, last), shard: 0, add });
    }
    return [...rows.values()];
  },
  countyDay: async (day) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: caseKeys.dailyStats('*', day.replaceAll('-', '')) }));
    const s = r.Item ?? {};
    return {
      taken: Number(s.taken ?? 0),
      decidedOnTime: Number(s.decidedOnTime ?? 0),
      decidedLate: Number(s.decidedLate ?? 0),
      immediateSameDay: Number(s.immediateSameDay ?? 0),
    } satisfies DayFigures;
  },
  openDue: async (from, to) => {
    const shards = await Promise.all(
      Array.from({ length: OPEN_SHARDS }, (_v, shard) => {
        const k = caseKeys.openShard(shard);
        return queryAll({
          IndexName: k.index,
          KeyConditionExpression: 'gsi3pk = :p AND gsi3sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':p': k.pk, ':from': `${from}#\uffff`, ':to': `${to}#\uffff` },
          // the index item is the whole case: read only what the digest shows (no personal data)
          ProjectionExpression: 'id, #n, itemName, officeId, handedTo, dueAt',
          ExpressionAttributeNames: { '#n': 'number' },
        });
      }),
    );
    return shards
      .flatMap((s) => s.items)
      .map((i): DueCase => ({
        id: String(i.id),
        number: String(i.number),
        itemName: String(i.itemName),
        officeId: String(i.officeId),
        ...(i.handedTo ? { handedTo: String(i.handedTo) } : {}),
        dueAt: String(i.dueAt),
      }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  },
  saveDigest: async (d, deliver) => {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: T(), Item: digestItem(d), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...(deliver ? [outboxPut({ type: 'digest', audience: d.audience, day: d.day }, d.at)] : []),
          ] as never,
        }),
      );
      return true;
    } catch (e) {
      if (isCancelled(e)) return false;
      throw e;
    }
  },
  digest: async (audience, day) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: supervisionKeys.digest(audience, day), ConsistentRead: true }));
    return r.Item ? withoutKeys<Digest>(r.Item) : undefined;
  },
});
