import { queueConsumer } from '../../shared/queue/consumer.ts';
import { logger } from '../../shared/log/logger.ts';
import { applyHop } from '../../shared/network/apply.ts';
import { hopMessage } from '../../shared/network/messages.ts';
import { networkPorts } from '../../shared/app/wiring.ts';
import { QUEUES } from '../../shared/platform/queues.ts';

const ports = networkPorts();
const MAX_RECEIVES = QUEUES.find((q) => q.id === 'delegation')!.maxReceiveCount;

/**
 * Consumer of the delegation queue: lands every hop (转报, 回复, 交办, 联办 parts, 委托, 回交) once,
 * however often it is delivered. A record that fails is reported alone (partial batch failure);
 * on its last receive it is logged as an error — it goes to the DLQ, whose depth alarm pages
 * the county's operators; `npm run redrive -- delegation` brings it back.
 */
export const handler = queueConsumer('delegation', hopMessage, async (m, record) => {
  try {
    const result = await applyHop(ports, m);
    logger.info('hop', { type: m.type, hopId: m.hopId, result });
  } catch (e) {
    const receives = Number(record.attributes?.ApproximateReceiveCount ?? 1);
    if (receives >= MAX_RECEIVES) logger.error('hop failed for the last time: to the DLQ', { type: m.type, hopId: m.hopId, receives, error: e as Error });
    throw e;
  }
});
