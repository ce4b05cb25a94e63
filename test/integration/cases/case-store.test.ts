import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoCaseStore } from '../../../shared/cases/dynamo-cases.ts';
import { caseStoreContract } from '../../unit/cases/store-contract.ts';

/** The DynamoDB adapter against DynamoDB Local: the same contract the in-memory fake keeps. */
describe('the DynamoDB CaseStore keeps the CaseStore contract', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  caseStoreContract(() => dynamoCaseStore());
});
