import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isReadCommand } from '../shared/aws/dynamo-meter.ts';

/**
 * Read and write units of every DynamoDB call on `client` while `meter.on`: each call is asked for
 * its consumed capacity then, whether or not its adapter asks (one meter for every bench).
 */
export const benchMeter = (client: DynamoDBDocumentClient, name: string) => {
  const meter = { read: 0, write: 0, on: false };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (meter.on) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      if (meter.on) {
        const c = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }).ConsumedCapacity;
        meter[isReadCommand(context.commandName) ? 'read' : 'write'] += [c ?? []].flat().reduce((n, x) => n + (x.CapacityUnits ?? 0), 0);
      }
      return out;
    },
    { step: 'initialize', name },
  );
  return meter;
};
