import { randomBytes } from 'node:crypto';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { SubscribeCommand } from '@aws-sdk/client-sns';
import { snsClient, sqsClient } from '../../../shared/aws/clients.ts';

/** An SQS queue subscribed to the county's supervision topic: what a supervisor's mailbox would get. */
export interface Notice {
  subject: string | null;
  message: string;
}

export const subscribeQueue = async (topicArn: string) => {
  const url = (await sqsClient().send(new CreateQueueCommand({ QueueName: `sup-${randomBytes(4).toString('hex')}` }))).QueueUrl!;
  const arn = (await sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  await snsClient().send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: arn }));
  const receive = async (out: Notice[], waitSeconds: number) => {
    const r = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: waitSeconds }));
    for (const m of r.Messages ?? []) {
      const envelope = JSON.parse(m.Body!) as { Subject: string | null; Message: string };
      out.push({ subject: envelope.Subject, message: envelope.Message });
      await sqsClient().send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
    }
  };
  /** Long-polls until `expected` notices are in, then once more without waiting to catch any extra; deletes what it read. */
  const drain = async (expected: number): Promise<Notice[]> => {
    const out: Notice[] = [];
    for (let polls = 0; polls < 10 && out.length < expected; polls++) await receive(out, 2);
    await receive(out, 0);
    return out;
  };
  return { drain };
};

/**
 * What the local poller does for the alerts queue (test stacks run no poller): every message on it
 * to the delivery consumer, deleted once delivered. Returns how many were delivered.
 */
export const deliverAlertsQueue = async (queueUrl: string): Promise<number> => {
  const [{ loadHandler }, { lambdaContext }] = await Promise.all([import('../../../local/modules.ts'), import('../../../local/lambda-context.ts')]);
  const handler = await loadHandler('queues', 'alerts');
  let delivered = 0;
  for (;;) {
    const r = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: delivered ? 0 : 1 }));
    const messages = r.Messages ?? [];
    if (!messages.length) return delivered;
    const out = await handler(
      {
        Records: messages.map((m) => ({
          messageId: m.MessageId!,
          receiptHandle: m.ReceiptHandle!,
          body: m.Body!,
          attributes: {},
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn',
          awsRegion: 'cn-north-1',
        })),
      },
      lambdaContext('alerts'),
    );
    if (out?.batchItemFailures?.length) throw new Error(`delivery failed: ${JSON.stringify(out.batchItemFailures)}`);
    for (const m of messages) await sqsClient().send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle! }));
    delivered += messages.length;
  }
};
