import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamo, s3Client } from '../../../shared/aws/clients.ts';
import { verifyMonth } from '../../../shared/audit/archive.ts';
import { archivePorts, monthEvents } from '../../../shared/audit/archive-wiring.ts';
import { resetRuntimeConfig } from '../../../shared/platform/runtime-config.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';

/**
 * The audit table → its locked copy (S3 on fauxqs; Object Lock itself is the bucket's, checked in
 * the infra test), through the real stream handler, and the check that finds an overwritten event.
 */
describe('audit archive and verify on the local emulators', () => {
  let stack: TestStack;
  const bucket = `audit-archive-${crypto.randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    await s3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    process.env.BUCKET_AUDIT_ARCHIVE = bucket;
    resetRuntimeConfig();
    await stack.login('clerk.lingshan');
  });
  afterAll(() => stack?.stop());

  it('copies new events from the stream, and the check finds an event overwritten in the table', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const events = await monthEvents(month);
    expect(events.length).toBeGreaterThan(0);
    // the stream records DynamoDB would deliver for these inserts
    const stream: DynamoDBStreamEvent = {
      Records: events.map((e, i) => ({
        eventName: 'INSERT',
        dynamodb: { SequenceNumber: String(i), NewImage: marshall(e, { removeUndefinedValues: true }) as never },
      })),
    };
    const { handler } = await import('../../../functions/streams/audit-archive.ts');
    expect(await handler(stream, lambdaContext('audit-archive'))).toEqual({ batchItemFailures: [] });
    const clean = await verifyMonth(archivePorts(bucket), month);
    expect(clean).toMatchObject({ checked: events.length, missing: [], altered: [], removed: [] });

    // an attacker with PutItem rewrites a login event as a failure
    const victim = events[0]!;
    const items = await import('../../../shared/db/keys.ts');
    await dynamo().send(
      new PutCommand({
        TableName: stack.env.TABLE_AUDIT,
        Item: { ...items.auditKeys.event(victim.at, victim.id), ...victim, result: 'failure', detail: '改写' },
      }),
    );
    const after = await verifyMonth(archivePorts(bucket), month);
    expect(after.altered).toHaveLength(1);
    expect(after.altered[0]).toContain(victim.id);
  });
});
