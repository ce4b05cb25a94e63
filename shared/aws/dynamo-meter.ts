import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Capacity consumed by DynamoDB calls that ask for it (ReturnConsumedCapacity), in total and, for
 * writes, per table and index (`cases`, `cases.gsi2`, `audit.gsi1`…). Read by `npm run bench`;
 * client middleware, so every adapter is metered alike and none carries the bookkeeping.
 */
export const capacityMeter = { read: 0, write: 0, writeBy: {} as Record<string, number> };
export const resetCapacityMeter = (): void => {
  capacityMeter.read = 0;
  capacityMeter.write = 0;
  capacityMeter.writeBy = {};
};

interface Consumed {
  TableName?: string | undefined;
  CapacityUnits?: number | undefined;
  Table?: { CapacityUnits?: number | undefined } | undefined;
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number | undefined }> | undefined;
}
const READS = new Set([
  'GetCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetCommand',
  'TransactGetCommand',
  'GetItemCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);

/** Whether a DynamoDB command (document or low-level client name) reads rather than writes. */
export const isReadCommand = (commandName: string | undefined): boolean => READS.has(commandName ?? '');

const meter = (c: Consumed, kind: 'read' | 'write') => {
  capacityMeter[kind] += c.CapacityUnits ?? 0;
  if (kind !== 'write') return;
  // the table's logical id (the last part of its physical name: bianmin-<county>-cases → cases)
  const table = (c.TableName ?? '?').split('-').pop()!;
  const add = (key: string, n: number | undefined) => n && (capacityMeter.writeBy[key] = (capacityMeter.writeBy[key] ?? 0) + n);
  add(table, c.Table?.CapacityUnits);
  for (const [index, v] of Object.entries(c.GlobalSecondaryIndexes ?? {})) add(`${table}.${index}`, v.CapacityUnits);
};

export const addCapacityMeter = (client: DynamoDBDocumentClient): DynamoDBDocumentClient => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const r = await next(args);
      const consumed = (r.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      const kind = isReadCommand(context.commandName) ? 'read' : 'write';
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) meter(c, kind);
      return r;
    },
    { step: 'initialize', name: 'capacityMeter' },
  );
  return client;
};
