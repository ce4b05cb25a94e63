import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoDirectory } from '../../../shared/identity/dynamo-directory.ts';
import { dynamoOffices } from '../../../shared/offices/dynamo-offices.ts';
import { officeDirectoryContract } from '../../unit/offices/directory-contract.ts';

/** The office tree on DynamoDB Local (D1): written as 人员管理 writes offices, read by a fresh adapter. */
describe('OfficeDirectory contract (DynamoDB Local)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  officeDirectoryContract(async (offices) => {
    await dynamoDirectory().commit(
      offices.map((office) => ({ op: 'put-office' as const, office, mode: 'upsert' as const })),
      [],
    );
    return dynamoOffices();
  });
});
