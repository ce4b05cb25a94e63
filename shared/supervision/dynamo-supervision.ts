import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { caseKeys, OPEN_SHARDS } from '../db/keys.ts';
import { RUNNING } from '../cases/model.ts';
import type { OpenCase, SupervisionStore } from './store.ts';

/** SupervisionStore on the cases table: K5 (gsi3, sparse, sharded), K1 for the card marks, K10. */
const table = (): string => tableName('cases');

const readShard = async (shard: number, horizon: string): Promise<{ cases: OpenCase[]; consumedRcu: number }> => {
  const k = caseKeys.openShard(shard);
  const cases: OpenCase[] = [];
  let consumedRcu = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        IndexName: k.index,
        // gsi3sk = `<dueAt>#<id>`: every case due up to the horizon, whatever its id
        KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :h',
        ExpressionAttributeValues: { ':p': k.pk, ':h': `${horizon}#\uffff` },
        ReturnConsumedCapacity: 'TOTAL',
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    consumedRcu += page.ConsumedCapacity?.CapacityUnits ?? 0;
    for (const c of page.Items ?? [])
      cases.push({
        id: c.id,
        number: c.number,
        itemName: c.itemName,
        officeId: c.officeId,
        dueAt: c.dueAt,
        ...(c.handedTo ? { handedTo: c.handedTo } : {}),
        ...(c.yellowCardAt ? { yellowCardAt: c.yellowCardAt } : {}),
        ...(c.redCardAt ? { redCardAt: c.redCardAt } : {}),
      });
    start = page.LastEvaluatedKey;
  } while (start);
  return { cases, consumedRcu };
};

export const dynamoSupervisionStore = (): SupervisionStore => ({
  openDueBy: async (horizon) => {
    const shards = await Promise.all(Array.from({ length: OPEN_SHARDS }, (_v, shard) => readShard(shard, horizon)));
    return { cases: shards.flatMap((s) => s.cases), consumedRcu: shards.reduce((sum, s) => sum + s.consumedRcu, 0) };
  },
  markCard: async (caseId, card, at, dueAt) => {
    const statuses = Object.fromEntries(RUNNING.map((s, i) => [`:s${i}`, s]));
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: table(),
          Key: caseKeys.case(caseId),
          UpdateExpression: 'SET #card = :at',
          ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(#card) AND #status IN (${Object.keys(statuses).join(', ')}) AND dueAt = :due`,
          ExpressionAttributeNames: { '#card': card === 'red' ? 'redCardAt' : 'yellowCardAt', '#status': 'status' },
          ExpressionAttributeValues: { ':at': at, ':due': dueAt, ...statuses },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException || (e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  },
  countyDay: async (day) => {
    const r = await dynamo().send(new GetCommand({ TableName: table(), Key: caseKeys.dailyStats('*', day.replaceAll('-', '')) }));
    const s = r.Item ?? {};
    return {
      taken: Number(s.taken ?? 0),
      decidedOnTime: Number(s.decidedOnTime ?? 0),
      decidedLate: Number(s.decidedLate ?? 0),
      immediateSameDay: Number(s.immediateSameDay ?? 0),
    };
  },
});
