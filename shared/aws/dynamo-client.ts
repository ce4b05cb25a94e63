import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { endpoint } from './endpoint.ts';
import { addCapacityMeter } from './dynamo-meter.ts';

/** One module per SDK client, so a function bundles only the clients it uses. Created once per container. */
let ddb: DynamoDBDocumentClient | undefined;

export const dynamo = (): DynamoDBDocumentClient =>
  (ddb ??= addCapacityMeter(
    DynamoDBDocumentClient.from(new DynamoDBClient({ ...endpoint('DYNAMODB'), maxAttempts: 4 }), {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    }),
  ));

export const resetDynamo = (): void => {
  ddb = undefined;
};
