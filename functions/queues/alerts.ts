import * as z from 'zod';
import { queueConsumer } from '../../shared/queue/consumer.ts';
import { deliver } from '../../shared/supervision/deliver.ts';
import { deliverPorts } from '../../shared/supervision/wiring.ts';

const ref = z.discriminatedUnion('type', [
  z.object({ type: z.literal('alert'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('digest'), audience: z.string().min(1).max(80), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
]);

/** Consumer of the alerts queue: delivers a stored alert or digest to SNS and the webhooks, each channel once. */
export const handler = queueConsumer('alerts', ref, async (m) => {
  await deliver(deliverPorts(), m);
});
