import * as z from 'zod';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import { queueConsumer } from '../../shared/queue/consumer.ts';
import { logger } from '../../shared/log/logger.ts';
import { sqsClient } from '../../shared/aws/sqs-client.ts';
import { queueUrl } from '../../shared/platform/env.ts';
import { QUEUES } from '../../shared/platform/queues.ts';
import { deliverNotice } from '../../shared/notices/deliver.ts';
import { deliverPorts } from '../../shared/notices/wiring.ts';

const MAX_RECEIVES = QUEUES.find((q) => q.id === 'notices')!.maxReceiveCount;
/** SQS keeps a message invisible at most 12 hours from its receipt. */
const MAX_DELAY = 12 * 3600 - 60;

/** The outbox entry as the relay sends it (shared/platform/outbox.ts); the notice itself is read again from its entry. */
const message = z.object({
  topic: z.literal('notices'),
  subject: z.string().min(1).max(100),
  id: z.string().min(1).max(200),
  at: z.string().max(40),
  payload: z.record(z.string(), z.unknown()),
});

/**
 * Consumer of the notices queue: sends each text once (shared/notices/deliver.ts). A text to send
 * later (quiet hours until 08:00; the channel down, with a growing pause) is left on the queue
 * with its visibility set to that pause, and reported as a batch item failure so only it returns;
 * after maxReceiveCount it rests in the DLQ (alarm; `npm run redrive -- notices`).
 */
export const handler = queueConsumer('notices', message, async (m, record) => {
  const receives = Number(record.attributes?.ApproximateReceiveCount ?? 1);
  const r = await deliverNotice(deliverPorts(), { caseId: m.subject, id: m.id }, { claim: record.messageId, receives, lastReceive: receives >= MAX_RECEIVES });
  if (r.done) {
    logger.info('notice', { id: m.id, outcome: r.outcome });
    return;
  }
  const delay = Math.min(r.retryAfterSeconds, MAX_DELAY);
  await sqsClient().send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl('notices'), ReceiptHandle: record.receiptHandle, VisibilityTimeout: delay }));
  if (receives >= MAX_RECEIVES) logger.error('notice not sent for the last time: to the DLQ', { id: m.id, receives, reason: r.reason });
  return 'retry';
});
