import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { isConditionFailed, queryAll, queryAtMost } from '../db/dynamo-kit.ts';
import { tableName } from '../platform/env.ts';
import { exchangeKeys, outboxKeys } from '../db/keys.ts';
import type { ExchangeStore, Settlement } from './ports.ts';
import { bySequence, recordOf } from './records.ts';

/**
 * ExchangeStore on the cases table: a stage record is its outbox entry (X1, `OUTBOX#exchange#<case>`),
 * its progress on the same item; a day's records are X2 (gsi2 `XCHG#<day>`). Every change is one
 * conditional UpdateItem: the consumer's grant holds nothing else.
 */
const T = (): string => tableName('cases');
const key = (caseId: string, id: string) => outboxKeys.entry('exchange', caseId, id);

/** Write units the consumer spent (npm run bench: units per stage record), as DynamoDB reports them. */
export const exchangeMeter = { write: 0 };
const metered = <R extends { ConsumedCapacity?: { CapacityUnits?: number } }>(r: R): R => {
  exchangeMeter.write += r.ConsumedCapacity?.CapacityUnits ?? 0;
  return r;
};

const conditional = async (run: () => Promise<unknown>): Promise<boolean> => {
  try {
    await run();
    return true;
  } catch (e) {
    if (isConditionFailed(e)) return false;
    throw e;
  }
};

const settlementUpdate = (s: Settlement) => {
  const values: Record<string, unknown> = { ':s': s.status, ':at': s.statusAt };
  const sets = ['#s = :s', 'statusAt = :at'];
  const removes = ['claim', 'claimedAt'];
  if (s.reason) {
    sets.push('reason = :r');
    values[':r'] = s.reason;
  } else removes.push('reason');
  if (s.ackId) {
    sets.push('ackId = :ack');
    values[':ack'] = s.ackId;
  }
  if (s.attempted) {
    sets.push('attempts = if_not_exists(attempts, :zero) + :one');
    Object.assign(values, { ':zero': 0, ':one': 1 });
  }
  return { values, expr: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}` };
};

export const dynamoExchangeStore = (): ExchangeStore => ({
  list: async (caseId) =>
    (
      await queryAll({
        TableName: T(),
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': outboxKeys.ofSubject('exchange', caseId).pk },
        ConsistentRead: true,
      })
    )
      .map(recordOf)
      .sort(bySequence),
  claim: (caseId, id, claim, at, staleBefore) =>
    conditional(() =>
      dynamo()
        .send(
          new UpdateCommand({
            TableName: T(),
            Key: key(caseId, id),
            UpdateExpression: 'SET #s = :sending, claim = :c, claimedAt = :at',
            ConditionExpression: '#s = :pending OR (#s = :sending AND claimedAt < :stale)',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':c': claim, ':at': at, ':stale': staleBefore },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        )
        .then(metered),
    ),
  settle: (caseId, id, claim, s) => {
    const u = settlementUpdate(s);
    return conditional(() =>
      dynamo()
        .send(
          new UpdateCommand({
            TableName: T(),
            Key: key(caseId, id),
            UpdateExpression: u.expr,
            ConditionExpression: 'claim = :claim',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ...u.values, ':claim': claim },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        )
        .then(metered),
    );
  },
  correct: (caseId, id, fix) =>
    conditional(() =>
      dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: key(caseId, id),
          UpdateExpression: `SET #s = :pending, statusAt = :at, corrected = :c${fix.itemCode ? ', payload.itemCode = :code' : ''}`,
          ConditionExpression: '#s = :rejected',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':rejected': 'rejected',
            ':at': fix.at,
            ':c': { by: fix.by, at: fix.at, note: fix.note },
            ...(fix.itemCode ? { ':code': fix.itemCode } : {}),
          },
        }),
      ),
    ),
  ofDay: async (day, max) => {
    const k = exchangeKeys.day(day);
    const items = await queryAtMost(
      { TableName: T(), IndexName: k.index, KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': k.pk } },
      max,
    );
    return items.map(recordOf);
  },
});
