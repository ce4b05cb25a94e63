import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../aws/sqs-client.ts';
import { queueUrl } from '../platform/env.ts';
import { OUTBOX_TOPICS, outboxMessage } from '../platform/outbox.ts';
import type { OutboxQueues } from './ports.ts';

/** Each topic's queue on SQS: batches of ten; the ids SQS refused come back for the stream to retry. */
export const sqsOutboxQueues = (): OutboxQueues => ({
  send: async (topic, entries) => {
    const failed: string[] = [];
    for (let i = 0; i < entries.length; i += 10) {
      const batch = entries.slice(i, i + 10);
      const r = await sqsClient().send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl(OUTBOX_TOPICS[topic]),
          Entries: batch.map((e, j) => ({ Id: String(j), MessageBody: outboxMessage(e) })),
        }),
      );
      for (const f of r.Failed ?? []) failed.push(batch[Number(f.Id)]!.id);
    }
    return failed;
  },
});
