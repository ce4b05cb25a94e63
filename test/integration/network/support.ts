import { inject } from 'vitest';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import type { TestStack } from '../../support/local-stack.ts';

/**
 * The delegation queue of a test stack, pumped by hand: the real messages the HTTP handlers sent
 * to fauxqs, handed to the real consumer (functions/queues/delegation.ts) — each record `times`
 * times in one batch, as SQS may deliver a message more than once — then deleted.
 */
export const sqsOf = (): SQSClient => {
  const ep = inject('emulators');
  return new SQSClient({
    endpoint: ep.fauxqs,
    region: ep.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    useQueueUrlAsEndpoint: false,
  });
};

export const toRecord = (m: { MessageId?: string; ReceiptHandle?: string; Body?: string; Attributes?: Record<string, string> }, copy = 0): SQSRecord => ({
  messageId: `${m.MessageId!}${copy ? `-copy${copy}` : ''}`,
  receiptHandle: m.ReceiptHandle!,
  body: m.Body ?? '',
  attributes: { ApproximateReceiveCount: '1', ...(m.Attributes ?? {}) } as unknown as SQSRecord['attributes'],
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:cn-north-1:000000000000:delegation',
  awsRegion: 'cn-north-1',
});

export const consume = async (event: SQSEvent): Promise<SQSBatchResponse> =>
  (await (
    await loadHandler('queues', 'delegation')
  )(event, lambdaContext('delegation', 60_000))) as SQSBatchResponse;

export const pump = async (sqs: SQSClient, stack: TestStack, opts: { times?: number; expect?: number } = {}): Promise<Array<{ body: unknown }>> => {
  const url = stack.env.QUEUE_DELEGATION!;
  const got: Array<{ MessageId?: string; ReceiptHandle?: string; Body?: string }> = [];
  const want = opts.expect ?? 1;
  for (let i = 0; i < 10 && got.length < want; i++) {
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    got.push(...(r.Messages ?? []));
  }
  if (got.length < want) throw new Error(`expected ${want} message(s) on the delegation queue, got ${got.length}`);
  const times = opts.times ?? 1;
  const records = got.flatMap((m) => Array.from({ length: times }, (_v, copy) => toRecord(m, copy)));
  const res = await consume({ Records: records });
  if (res.batchItemFailures.length) throw new Error(`consumer failed ${res.batchItemFailures.length} record(s)`);
  await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: got.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  return got.map((m) => ({ body: JSON.parse(m.Body ?? '{}') as unknown }));
};

/** A window clerk of another office (a third township), written as the demo seed writes its users. */
export const addClerk = async (username: string, officeId: string): Promise<void> => {
  const [{ dynamoDirectory }, { hashPassword }] = await Promise.all([
    import('../../../shared/identity/dynamo-directory.ts'),
    import('../../../shared/identity/password.ts'),
  ]);
  const now = new Date().toISOString();
  await dynamoDirectory().commit(
    [
      {
        op: 'create-user',
        user: {
          id: crypto.randomUUID(),
          username,
          displayName: username,
          officeId,
          roles: ['window_clerk'],
          passwordHash: await hashPassword('Bianmin@2026'),
          mustChangePassword: false,
          disabled: false,
          failedLogins: 0,
          createdAt: now,
          updatedAt: now,
        },
      },
    ],
    [],
  );
};
