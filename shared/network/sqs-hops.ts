import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../aws/clients.ts';
import { queueUrl } from '../platform/env.ts';
import type { HopSender } from './messages.ts';

/** Hops go onto the delegation queue; the message's own id travels in the body (hopId). */
export const sqsHops = (): HopSender => ({
  send: async (m) => {
    await sqsClient().send(
      new SendMessageCommand({
        QueueUrl: queueUrl('delegation'),
        MessageBody: JSON.stringify(m),
        MessageAttributes: { type: { DataType: 'String', StringValue: m.type }, hopId: { DataType: 'String', StringValue: m.hopId } },
      }),
    );
  },
});
