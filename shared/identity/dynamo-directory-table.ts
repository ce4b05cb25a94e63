import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { tableName } from '../platform/env.ts';

/** The directory table, shared by its two adapter files (records and counters). */
export const T = () => tableName('directory');

export const strip = <X>(item: Record<string, unknown>): X => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, expiresAt: _e, ...rest } = item;
  return rest as X;
};

export const get = async (key: { pk: string; sk: string }, consistent = false) =>
  (await dynamo().send(new GetCommand({ TableName: T(), Key: key, ConsistentRead: consistent }))).Item;

export const isConditionFailure = (e: unknown): boolean => (e as Error).name === 'ConditionalCheckFailedException';
