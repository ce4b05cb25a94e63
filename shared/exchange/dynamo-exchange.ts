import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { conditionally, queryAll, queryAtMost } from '../db/dynamo-kit.ts';
import { outboxProgress, type ProgressSettlement } from '../outbox/dynamo-outbox-progress.ts';
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
const progress = outboxProgress('exchange', T, { openStatus: 'pending' });
const settlementOf = ({ ackId, ...s }: Settlement): ProgressSettlement => ({ ...s, also: { ackId } });

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
  claim: progress.claim,
  settle: (caseId, id, claim, s) => progress.settle(caseId, id, claim, settlementOf(s)),
  correct: (caseId, id, fix) =>
    conditionally(() =>
      dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: progress.key(caseId, id),
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
