import * as z from 'zod';
import { queueConsumer } from '../../shared/queue/consumer.ts';
import { logger } from '../../shared/log/logger.ts';
import { archiveCase } from '../../shared/archive/archive.ts';
import { archivePorts } from '../../shared/archive/wiring.ts';

/** The outbox entry as the relay sends it (shared/platform/outbox.ts): the case is read again as stored. */
const message = z.object({
  topic: z.literal('archive'),
  subject: z.string().uuid(),
  id: z.string().min(1).max(40),
  at: z.string().max(40),
  payload: z.record(z.string(), z.unknown()),
});

/**
 * Consumer of the archive queue: builds, checks and locks the case's package (shared/archive/archive.ts).
 * Idempotent: the same inputs are archived once however often a message arrives; a failure comes
 * back after the visibility timeout and rests in the DLQ after maxReceiveCount (alarm).
 */
export const handler = queueConsumer('archive', message, async (m) => {
  const outcome = await archiveCase(archivePorts(), m.subject);
  logger.info('archive', { caseId: m.subject, entry: m.id, outcome });
});
