import { PublishCommand } from '@aws-sdk/client-sns';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { dynamo, snsClient } from '../aws/clients.ts';
import { tableName, topicArn } from '../platform/env.ts';
import { caseKeys, OPEN_SHARDS } from '../db/keys.ts';
import { addWorkdays, chinaDate, endOfChinaDay } from '../calendar/working-days.ts';
import type { Calendar } from '../calendar/working-days.ts';
import { logger } from '../log/logger.ts';

/**
 * 电子监察: open promised cases due within the yellow-card horizon get a yellow card, overdue ones
 * a red card — each at most once (conditional write), published to the supervision topic.
 * Reads only the sparse open-by-due index up to the horizon: O(due cases), never O(all cases).
 */
export interface ScanResult {
  read: number;
  yellow: number;
  red: number;
  consumedRcu: number;
}

export const scanOverdue = async (now: Date, cal: Calendar, yellowWorkdays: number): Promise<ScanResult> => {
  const horizon = endOfChinaDay(addWorkdays(chinaDate(now), yellowWorkdays, cal).dueDate);
  const nowIso = now.toISOString();
  const result: ScanResult = { read: 0, yellow: 0, red: 0, consumedRcu: 0 };
  for (let shard = 0; shard < OPEN_SHARDS; shard++) {
    const k = caseKeys.openShard(shard);
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new QueryCommand({
          TableName: tableName('cases'),
          IndexName: k.index,
          KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :h',
          ExpressionAttributeValues: { ':p': k.pk, ':h': `${horizon}#\uffff` },
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      result.consumedRcu += page.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const c of page.Items ?? []) {
        result.read++;
        const card = (c.dueAt as string) < nowIso ? 'red' : 'yellow';
        if (await markCard(c.id as string, card, nowIso)) {
          result[card]++;
          await snsClient().send(
            new PublishCommand({
              TopicArn: topicArn('supervision'),
              Subject: card === 'red' ? '红牌：办件已超期' : '黄牌：办件即将到期',
              // no personal data: number, item, office and dates only
              Message: JSON.stringify({ card, caseId: c.id, number: c.number, itemName: c.itemName, officeId: c.officeId, dueAt: c.dueAt }),
            }),
          );
        }
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  logger.info('overdue scan', { ...result });
  return result;
};

const markCard = async (id: string, card: 'yellow' | 'red', at: string): Promise<boolean> => {
  const attr = card === 'red' ? 'redCardAt' : 'yellowCardAt';
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName('cases'),
        Key: caseKeys.case(id),
        UpdateExpression: `SET ${attr} = :at`,
        ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(${attr})`,
        ExpressionAttributeValues: { ':at': at },
      }),
    );
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
};
