import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoArchiveStore } from '../../../shared/archive/dynamo-archive.ts';
import { s3ArchivePackages } from '../../../shared/archive/s3-archive-packages.ts';
import { archivePackagesContract, archiveStoreContract } from '../../unit/archive/store-contract.ts';

/** The adapters against DynamoDB Local and the local S3 (fauxqs): the same contracts the fakes keep. */
describe('the DynamoDB ArchiveStore and the S3 ArchivePackages keep their contracts', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());
  archiveStoreContract(() => dynamoArchiveStore());
  // the local emulator has no Object Lock: what S3 enforces there is checked deployed (the stack's tests)
  archivePackagesContract(() => s3ArchivePackages(stack.env.BUCKET_ARCHIVE), { enforcesLock: false });
});
