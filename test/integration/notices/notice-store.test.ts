import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoCaseStore } from '../../../shared/cases/dynamo-cases.ts';
import { dynamoNoticeStore } from '../../../shared/notices/dynamo-notices.ts';
import { noticeStoreContract } from '../../unit/notices/store-contract.ts';

/** The DynamoDB adapter against DynamoDB Local: the same contract the in-memory fake keeps. */
describe('the DynamoDB NoticeStore keeps the NoticeStore contract', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());
  noticeStoreContract(() => ({ store: dynamoNoticeStore(), cases: dynamoCaseStore() }));
});
