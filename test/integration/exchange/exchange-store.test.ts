import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoCaseStore } from '../../../shared/cases/dynamo-cases.ts';
import { dynamoExchangeStore } from '../../../shared/exchange/dynamo-exchange.ts';
import { exchangeStoreContract } from '../../unit/exchange/store-contract.ts';

/** The DynamoDB adapter against DynamoDB Local: the same contract the in-memory fake keeps. */
describe('the DynamoDB ExchangeStore keeps the ExchangeStore contract', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());
  exchangeStoreContract(() => ({ store: dynamoExchangeStore(), cases: dynamoCaseStore() }));
});
