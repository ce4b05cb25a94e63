import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../aws/clients.ts';
import { queueUrl } from '../platform/env.ts';
import { outboxRefId } from './alert.ts';
import type { AlertQueue } from './ports.ts';

/** The delivery queue on SQS: batches of ten; any entry refused fails the call (the outbox keeps it). */
export const sqsAlertQueue = (): AlertQueue => ({
  send: async (refs) => {
    for (let i = 0; i < refs.length; i += 10) {
      const batch = refs.slice(i, i + 10);
      const r = await sqsClient().send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl('alerts'),
          Entries: batch.map((ref, j) => ({ Id: String(j), MessageBody: JSON.stringify(ref) })),
        }),
      );
      if (r.Failed?.length) throw new Error(`alert queue refused ${r.Failed.length} of ${batch.length}: ${batch.map(outboxRefId).join(', ')}`);
    }
  },
});
