import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../aws/sqs-client.ts';
import { queueUrl } from './env.ts';
import { QUEUES } from './queues.ts';
import type { Probe } from './health.ts';

/** One probe per queue: GetQueueAttributes (no message touched). */
export const queueProbes = (): Probe[] =>
  QUEUES.map((q) => ({
    kind: 'queue',
    id: q.id,
    run: () => sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: queueUrl(q.id), AttributeNames: ['QueueArn'] })),
  }));
