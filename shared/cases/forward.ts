import * as z from 'zod';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { caseKeys } from '../db/keys.ts';

/**
 * 综合受理 / 交办: a case accepted at one office is handed to the office that decides it.
 * Delivered through the delegation queue, so a busy or failing receiver loses nothing.
 */
export const forwardMessage = z.object({
  caseId: z.string().min(1),
  fromOfficeId: z.string().min(1),
  toOfficeId: z.string().min(1),
  reason: z.string().max(500).default(''),
  forwardedAt: z.iso.datetime(),
  /** Idempotency: one message id per hand-over, replays are no-ops. */
  forwardId: z.string().min(1),
});
export type ForwardMessage = z.output<typeof forwardMessage>;

export const applyForward = async (m: ForwardMessage): Promise<'applied' | 'duplicate'> => {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName('cases'),
              Key: caseKeys.case(m.caseId),
              UpdateExpression: 'SET handedTo = :to, handedAt = :at, version = version + :one',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':to': m.toOfficeId, ':at': m.forwardedAt, ':one': 1 },
            },
          },
          {
            Put: {
              TableName: tableName('cases'),
              Item: { ...caseKeys.forwardEvent(m.caseId, m.forwardedAt, m.forwardId), type: 'forwarded', ...m },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return 'applied';
  } catch (e) {
    const reasons = (e as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
    if (reasons?.[1]?.Code === 'ConditionalCheckFailed' && reasons[0]?.Code === 'None') return 'duplicate';
    throw e; // case missing or a transient error: retried, then the DLQ
  }
};
