import * as z from 'zod';
import { logger } from '../../shared/log/logger.ts';
import { queueUrl } from '../../shared/platform/env.ts';
import { QUEUES } from '../../shared/platform/queues.ts';
import { redrive } from '../../shared/network/redrive.ts';
import { queueMover } from '../../shared/network/wiring.ts';

const mover = queueMover();

const input = z.object({
  queue: z.enum(QUEUES.map((q) => q.id) as [string, ...string[]]).default('delegation'),
  max: z.number().int().min(1).max(100_000).optional(),
  dryRun: z.boolean().default(false),
});

/**
 * The redrive as a deployed function (AWS China has no console DLQ redrive): invoked by IT with
 * `aws lambda invoke --function-name <county>-Ops-redrive --payload '{"queue":"delegation"}'`.
 * The same use case as `npm run redrive -- delegation` locally.
 */
export const handler = async (event: unknown) => {
  const e = input.parse(event ?? {});
  const report = await redrive(mover, { queueUrl: queueUrl(e.queue as 'delegation'), ...(e.max ? { max: e.max } : {}), dryRun: e.dryRun });
  logger.info('redrive', { queue: e.queue, ...report });
  return { queue: e.queue, ...report };
};
