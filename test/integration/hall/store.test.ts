import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoHallStore } from '../../../shared/hall/dynamo-hall.ts';
import { hallStoreContract } from '../../unit/hall/store-contract.ts';

/** The DynamoDB adapter against DynamoDB Local: the same contract the in-memory fake keeps. */
describe('the DynamoDB HallStore keeps the HallStore contract', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  hallStoreContract(() => dynamoHallStore());
});
