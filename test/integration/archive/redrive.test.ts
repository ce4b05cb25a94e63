import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse } from 'aws-lambda';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { ROOT } from '../../../local/modules.ts';
import { OPS_USES } from '../../../shared/platform/functions.ts';
import { acceptCase, decideCase } from '../ratings/support.ts';
import { sqsOf, toRecord } from '../network/support.ts';

const run = promisify(execFile);

/**
 * A package the consumer could not build rests in the archive queue's DLQ (after maxReceiveCount):
 * `npm run redrive -- archive` moves it back, and the consumer then archives the case. The deployed
 * twin (functions/ops/redrive.ts) holds the archive DLQ's grant.
 */
describe('the archive queue’s dead letters: npm run redrive -- archive', () => {
  const ep = inject('emulators');
  let stack: TestStack;
  let sqs: SQSClient;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    sqs = sqsOf();
  });
  afterAll(async () => {
    sqs.destroy();
    await stack.stop();
  });

  it('moves the dead letter back to the queue, where the consumer archives the case', async () => {
    const clerk = await stack.login('clerk.lingshan');
    const c = await acceptCase(stack, clerk);
    await decideCase(stack, clerk, c);
    // the 办结 entry as the relay sends it, resting in the DLQ
    const queue = stack.env.QUEUE_ARCHIVE!;
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue, AttributeNames: ['RedrivePolicy'] }));
    const dlqName = (JSON.parse(attrs.Attributes!.RedrivePolicy!) as { deadLetterTargetArn: string }).deadLetterTargetArn.split(':').at(-1)!;
    const dlq = (await sqs.send(new GetQueueUrlCommand({ QueueName: dlqName }))).QueueUrl!;
    const entry = { topic: 'archive', subject: c.id, id: 'v3', at: new Date().toISOString(), payload: { status: 'decided', number: c.number } };
    await sqs.send(new SendMessageCommand({ QueueUrl: dlq, MessageBody: JSON.stringify(entry) }));

    const env = { ...process.env, AWS_ENDPOINT_URL_SQS: ep.fauxqs, AWS_REGION: ep.region, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const dry = await run(tsx, ['scripts/redrive.ts', 'archive', '--dry-run', '--queue-url', queue], { cwd: ROOT, env });
    expect(dry.stdout).toContain('死信队列中有 1 条消息');
    const moved = await run(tsx, ['scripts/redrive.ts', 'archive', '--queue-url', queue], { cwd: ROOT, env });
    expect(moved.stdout).toContain('已将 1 条消息移回 archive 队列；死信队列剩余 0 条');

    const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue, WaitTimeSeconds: 2 }))).Messages ?? [];
    expect(got.map((m) => JSON.parse(m.Body!) as { subject: string }).map((m) => m.subject)).toEqual([c.id]);
    const consume = await loadHandler('queues', 'archive');
    const res = (await consume({ Records: got.map((m) => toRecord(m)) }, lambdaContext('archive', 120_000))) as SQSBatchResponse;
    expect(res.batchItemFailures).toEqual([]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queue, ReceiptHandle: got[0]!.ReceiptHandle! }));
    const { archive } = (await (await stack.fetch(`/api/cases/${c.id}/archive`, { token: clerk })).json()) as { archive: { status: string } };
    expect(archive.status).toBe('archived');
    // the deployed twin may move the archive DLQ too
    expect(OPS_USES.redrive).toContain('queue:archive:redrive');
  });
});
