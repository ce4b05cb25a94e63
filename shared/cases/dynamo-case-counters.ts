import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { caseKeys } from '../db/keys.ts';
import { conditionally } from '../db/dynamo-kit.ts';
import type { CaseStore } from './ports.ts';
import { compact, T } from './dynamo-case-items.ts';

type Counters = Pick<CaseStore, 'idempotency' | 'nextSequence' | 'hitPublicLookup' | 'takePublicGuess' | 'releasePublicGuess'>;

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/** Counts one more on a counter item and answers the new count. */
const countOne = async (Key: Record<string, string>, expiresAt?: Date): Promise<number> => {
  const r = await dynamo().send(
    new UpdateCommand({
      TableName: T(),
      Key,
      UpdateExpression: expiresAt ? 'ADD n :one SET expiresAt = :e' : 'ADD n :one',
      ExpressionAttributeValues: { ':one': 1, ...(expiresAt ? { ':e': seconds(expiresAt) } : {}) },
      ReturnValues: 'UPDATED_NEW',
      ReturnConsumedCapacity: 'INDEXES',
    }),
  );
  return Number(r.Attributes?.n);
};

/** The case context's counters: case numbers (K4), idempotency keys, and the public pages' rate limits (K9). */
export const dynamoCaseCounters = (): Counters => ({
  idempotency: async (key) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: caseKeys.idempotency(key), ConsistentRead: true }));
    return r.Item ? { caseId: r.Item.caseId as string, bodyHash: r.Item.bodyHash as string } : undefined;
  },
  nextSequence: (countyCode, day) => countOne(caseKeys.sequence(countyCode, compact(day))),
  hitPublicLookup: (address, window, expiresAt) => countOne(caseKeys.publicRate(address, window), expiresAt),
  takePublicGuess: (number, day, limit, expiresAt) =>
    conditionally(() =>
      dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: caseKeys.publicGuesses(number, day),
          UpdateExpression: 'ADD n :one SET expiresAt = :e',
          ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
          ExpressionAttributeValues: { ':one': 1, ':e': seconds(expiresAt), ':limit': limit },
        }),
      ),
    ),
  releasePublicGuess: async (number, day) => {
    await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: caseKeys.publicGuesses(number, day),
        UpdateExpression: 'ADD n :minus',
        ExpressionAttributeValues: { ':minus': -1 },
      }),
    );
  },
});
