import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoDirectory } from '../../../shared/identity/dynamo-directory.ts';
import { directoryContract } from '../../unit/identity/directory-contract.ts';
import { attemptsContract } from '../../unit/identity/attempts-contract.ts';
import { firstAdminContract } from '../../unit/identity/first-admin-contract.ts';
import { dynamoFirstAdminStore } from '../../../shared/identity/dynamo-first-admin.ts';

/** The identity ports' contracts on DynamoDB Local: the same bodies the unit tests run on the fakes. */
describe('identity adapters', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  describe('DirectoryRecords contract (DynamoDB Local)', () => directoryContract(() => dynamoDirectory()));
  describe('LoginAttempts contract (DynamoDB Local)', () => attemptsContract(() => dynamoDirectory()));
  describe('FirstAdminStore contract (DynamoDB Local)', () => firstAdminContract(() => dynamoFirstAdminStore()));
});
