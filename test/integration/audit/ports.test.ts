import { afterAll, beforeAll, describe } from 'vitest';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../../../shared/aws/clients.ts';
import { dynamoAuditLog, writeAudit } from '../../../shared/audit/dynamo-audit.ts';
import { dynamoAuditReader } from '../../../shared/audit/dynamo-audit-reader.ts';
import { s3AuditArchive } from '../../../shared/audit/s3-audit-archive.ts';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { auditLogContract } from '../../unit/audit/log-contract.ts';
import { auditReaderContract } from '../../unit/audit/reader-contract.ts';
import { auditArchiveContract } from '../../unit/audit/archive-contract.ts';

/** The audit ports' contracts on the adapters: the table on DynamoDB Local (A1–A3), the locked copy on fauxqs's S3. */
describe('audit adapters', () => {
  let stack: TestStack;
  const bucket = `audit-contract-${crypto.randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    stack = await startTestStack();
    await s3Client().send(new CreateBucketCommand({ Bucket: bucket }));
  });
  afterAll(() => stack?.stop());

  describe('AuditLog contract (DynamoDB Local)', () =>
    auditLogContract(async () => ({
      log: dynamoAuditLog(),
      about: async (t) => (await dynamoAuditReader().byTarget(t, 100)).events,
    })));

  describe('AuditReader contract (DynamoDB Local)', () =>
    auditReaderContract(async () => ({ reader: dynamoAuditReader(), append: (input, at) => writeAudit(input, new Date(at)) })));

  describe('AuditArchive contract (S3 on fauxqs)', () => auditArchiveContract(async () => s3AuditArchive(bucket)));
});
