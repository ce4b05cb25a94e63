import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { startPoller, type Poller } from '../../../local/poller.ts';
import type { QueueDef } from '../../../shared/platform/queues.ts';

/** The local event source mapping against real fauxqs: partial batch failure and DLQ redrive. */
describe('queue poller', () => {
  const ep = inject('emulators');
  const sqs = new SQSClient({ endpoint: ep.fauxqs, region: ep.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, useQueueUrlAsEndpoint: false });
  const name = `poll-${randomBytes(3).toString('hex')}`;
  const def = { id: 'delegation', envVar: 'QUEUE_TEST', visibilityTimeoutSeconds: 1, maxReceiveCount: 2, batchSize: 10 } as const satisfies QueueDef;
  let url = '';
  let dlqUrl = '';
  let poller: Poller;
  const seen: string[] = [];

  beforeAll(async () => {
    dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }))).QueueUrl!;
    const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn;
    url = (
      await sqs.send(
        new CreateQueueCommand({
          QueueName: name,
          Attributes: { VisibilityTimeout: '1', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }) },
        }),
      )
    ).QueueUrl!;
    poller = startPoller({
      endpoint: ep.fauxqs,
      region: ep.region,
      env: { QUEUE_TEST: url },
      log: () => undefined,
      queues: [def],
      // fails every record whose body says so, succeeds the rest of the same batch
      consumer:
        async () =>
        async (event: SQSEvent): Promise<SQSBatchResponse> => {
          seen.push(...event.Records.map((r) => r.body));
          return { batchItemFailures: event.Records.filter((r) => r.body.includes('bad')).map((r) => ({ itemIdentifier: r.messageId })) };
        },
    });
  });
  afterAll(async () => {
    await poller.stop();
    sqs.destroy();
  });

  it('deletes what succeeded, retries a failed record and moves it to the DLQ after maxReceiveCount', async () => {
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'good-1' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'bad-1' }));

    const deadline = Date.now() + 20_000;
    let inDlq: string[] = [];
    while (Date.now() < deadline && inDlq.length === 0) {
      await new Promise((r) => setTimeout(r, 500));
      const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      inDlq = (got.Messages ?? []).map((m) => m.Body ?? '');
    }
    expect(inDlq).toEqual(['bad-1']);
    expect(seen.filter((b) => b === 'good-1')).toHaveLength(1);
    expect(seen.filter((b) => b === 'bad-1')).toHaveLength(2);
  });
});
