import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoCatalogStore } from '../../../shared/catalog/dynamo-catalog.ts';
import { catalogStoreContract } from '../../unit/catalog/store-contract.ts';

/** The catalog's adapter against DynamoDB Local: the same contract the fake keeps. */
describe('CatalogStore contract (DynamoDB Local)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());
  catalogStoreContract(dynamoCatalogStore);
});
