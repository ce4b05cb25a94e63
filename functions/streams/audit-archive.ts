import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { logger } from '../../shared/log/logger.ts';
import { archiveAuditItem } from '../../shared/audit/archive-wiring.ts';

/**
 * The audit table's stream → the locked archive bucket. Each new event is copied as written; a
 * failed record is reported alone (ReportBatchItemFailures) and retried, the rest go through.
 */
const run = async (event: DynamoDBStreamEvent, _ctx: Context): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const r of event.Records) {
    if (r.eventName !== 'INSERT' || !r.dynamodb?.NewImage) continue;
    try {
      await archiveAuditItem(unmarshall(r.dynamodb.NewImage as never));
    } catch (error) {
      logger.warn('audit event not archived', { sequence: r.dynamodb.SequenceNumber, error: error as Error });
      batchItemFailures.push({ itemIdentifier: r.dynamodb.SequenceNumber! });
    }
  }
  return { batchItemFailures };
};

export const handler = middy(run).use(injectLambdaContext(logger, { resetKeys: true }));
