import * as z from 'zod';
import { queueConsumer } from '../../shared/queue/consumer.ts';
import { logger } from '../../shared/log/logger.ts';

const message = z.object({
  topic: z.literal('notices'),
  subject: z.string().max(100),
  id: z.string().max(200),
  at: z.string().max(40),
  payload: z.record(z.string(), z.unknown()),
});

/**
 * Consumer of the notices queue (texts from the outbox). Until the channels are wired, a message
 * is kept: it fails and rests in the DLQ, from where `npm run redrive -- notices` brings it back.
 */
export const handler = queueConsumer('notices', message, async (m) => {
  logger.warn('notice not sent: no channel wired yet', { id: m.id });
  throw new Error('notices channel not wired');
});
