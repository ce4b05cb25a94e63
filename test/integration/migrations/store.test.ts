import { afterAll, beforeAll, describe } from 'vitest';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../../shared/aws/clients.ts';
import { dynamoMigrationStore } from '../../../shared/migrations/dynamo-migrations.ts';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { migrationStoreContract } from '../../unit/migrations/store-contract.ts';

/** The migration store on DynamoDB Local (M1 and the migration's own scan), on the directory table. */
describe('MigrationStore contract (DynamoDB Local)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  migrationStoreContract(async () => {
    const TableName = stack.env.TABLE_DIRECTORY!;
    return {
      store: dynamoMigrationStore(),
      put: async (Item) => void (await dynamo().send(new PutCommand({ TableName, Item }))),
      remove: async (Key) => void (await dynamo().send(new DeleteCommand({ TableName, Key }))),
    };
  });
});
