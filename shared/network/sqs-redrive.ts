import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { sqsClient } from '../aws/clients.ts';
import type { DeadLetter, QueueMover } from './redrive.ts';

/** The redrive port on SQS (fauxqs locally): the DLQ from the queue's RedrivePolicy, string message attributes kept. */
export const sqsMover = (client: SQSClient = sqsClient()): QueueMover => ({
  deadLetterQueueOf: async (queueUrl) => {
    const r = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy'] }));
    const policy = r.Attributes?.RedrivePolicy;
    if (!policy) throw new Error(`queue has no dead-letter queue: ${queueUrl}`);
    const arn = (JSON.parse(policy) as { deadLetterTargetArn: string }).deadLetterTargetArn;
    const [, , , , account, name] = arn.split(':');
    return (await client.send(new GetQueueUrlCommand({ QueueName: name!, QueueOwnerAWSAccountId: account }))).QueueUrl!;
  },
  receive: async (queueUrl, max) => {
    const r = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: max, WaitTimeSeconds: 1, VisibilityTimeout: 60, MessageAttributeNames: ['All'] }),
    );
    return (r.Messages ?? []).map((m): DeadLetter => ({
      body: m.Body ?? '',
      receipt: m.ReceiptHandle!,
      attributes: Object.fromEntries(Object.entries(m.MessageAttributes ?? {}).flatMap(([k, v]) => (v.StringValue !== undefined ? [[k, v.StringValue]] : []))),
    }));
  },
  send: async (queueUrl, m) => {
    const attrs: Record<string, MessageAttributeValue> = Object.fromEntries(
      Object.entries(m.attributes).map(([k, v]) => [k, { DataType: 'String', StringValue: v }]),
    );
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: m.body, ...(Object.keys(attrs).length ? { MessageAttributes: attrs } : {}) }));
  },
  delete: async (queueUrl, receipt) => {
    await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receipt }));
  },
  depth: async (queueUrl) => {
    const r = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    return Number(r.Attributes?.ApproximateNumberOfMessages ?? 0);
  },
});
