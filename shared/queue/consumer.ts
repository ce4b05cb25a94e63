import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent, SQSRecord, Context } from 'aws-lambda';
import type { z } from 'zod';
import { logger } from '../log/logger.ts';

/**
 * The one factory for queue consumers. Each record is parsed and handled on its own; a failure
 * is reported as a batch item failure so only that record comes back (and reaches the DLQ after
 * maxReceiveCount), never the whole batch. Handlers must be idempotent per record: SQS delivers
 * at least once. A handler that returns 'retry' has arranged for the record to come back later
 * (e.g. set its visibility): it is reported as a failure without a warning.
 */
export const queueConsumer = <S extends z.ZodType>(name: string, schema: S, handle: (message: z.output<S>, record: SQSRecord) => Promise<void | 'retry'>) => {
  const run = async (event: SQSEvent, _ctx: Context): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    logger.appendKeys({ consumer: name });
    for (const record of event.Records) {
      // every line logged while a record is handled names it
      logger.appendKeys({ messageId: record.messageId });
      try {
        const parsed = schema.safeParse(JSON.parse(record.body));
        if (!parsed.success) {
          // never dropped: after maxReceiveCount it rests in the DLQ, where the alarm points to it
          logger.error('malformed message', { issues: parsed.error.issues.length });
          batchItemFailures.push({ itemIdentifier: record.messageId });
          continue;
        }
        if ((await handle(parsed.data, record)) === 'retry') batchItemFailures.push({ itemIdentifier: record.messageId });
      } catch (error) {
        logger.warn('record failed', { error: error as Error });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      } finally {
        logger.removeKeys(['messageId']);
      }
    }
    logger.removeKeys(['consumer']);
    return { batchItemFailures };
  };
  return middy(run).use(injectLambdaContext(logger, { resetKeys: true }));
};
