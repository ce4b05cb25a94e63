import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { tableName } from './env.ts';
import { TABLES } from './tables.ts';
import type { Probe } from './health.ts';

/** One probe per table: DescribeTable (no data read). The name is resolved at each probe. */
export const tableProbes = (): Probe[] =>
  TABLES.map((t) => ({ kind: 'table', id: t.id, run: () => dynamo().send(new DescribeTableCommand({ TableName: tableName(t.id) })) }));
