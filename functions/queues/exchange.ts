import * as z from 'zod';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import { queueConsumer } from '../../shared/queue/consumer.ts';
import { logger } from '../../shared/log/logger.ts';
import { sqsClient } from '../../shared/aws/sqs-client.ts';
import { queueUrl } from '../../shared/platform/env.ts';
import { QUEUES } from '../../shared/platform/queues.ts';
import { deliverRecord } from '../../shared/exchange/deliver.ts';
import { exchangePorts } from '../../shared/exchange/wiring.ts';

const MAX_RECEIVES = QUEUES.find((q) => q.id === 'exchange')!.maxReceiveCount;

/** The outbox entry as the relay sends it (shared/platform/outbox.ts); the record itself is read again from its entry. */
const message = z.object({
  topic: z.literal('exchange'),
  subject: z.string().min(1).max(100),
  id: z.string().min(1).max(40),
  at: z.string().max(40),
  payload: z.record(z.string(), z.unknown()),
});

/**
 * Consumer of the exchange queue: pushes each stage record to the province once, in order per case
 * (shared/exchange/deliver.ts). A record to try later (the province down, an earlier record not yet
 * acknowledged, another copy pushing it) is left on the queue with its visibility set to the pause
 * and reported as a batch item failure; after maxReceiveCount it rests in the DLQ (alarm;
 * `npm run redrive -- exchange`).
 */
export const handler = queueConsumer('exchange', message, async (m, record) => {
  const receives = Number(record.attributes?.ApproximateReceiveCount ?? 1);
  const r = await deliverRecord(exchangePorts(), { caseId: m.subject, id: m.id }, { claim: record.messageId, receives });
  if (r.done) {
    logger.info('exchange record', { id: m.id, outcome: r.outcome });
    return;
  }
  await sqsClient().send(
    new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl('exchange'), ReceiptHandle: record.receiptHandle, VisibilityTimeout: r.retryAfterSeconds }),
  );
  if (receives >= MAX_RECEIVES) logger.error('exchange record not pushed for the last time: to the DLQ', { id: m.id, receives, reason: r.reason });
  return 'retry';
});
