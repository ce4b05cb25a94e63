import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { logger } from '../../shared/log/logger.ts';
import { entryOfItem, relayEntries } from '../../shared/outbox/relay.ts';
import { relayPorts } from '../../shared/outbox/wiring.ts';
import type { OutboxEntry } from '../../shared/platform/outbox.ts';

const ports = relayPorts();

/**
 * The cases table's stream (filtered to new OUTBOX# items) → each entry's topic queue. A record
 * the queue refused is reported alone (ReportBatchItemFailures) and retried from there; the
 * topic's consumer is idempotent on the entry id, so one relayed twice is worked once.
 */
const run = async (event: DynamoDBStreamEvent, _ctx: Context): Promise<DynamoDBBatchResponse> => {
  const entries: Array<{ entry: OutboxEntry; seq: string }> = [];
  for (const r of event.Records) {
    if (r.eventName !== 'INSERT' || !r.dynamodb?.NewImage) continue;
    const entry = entryOfItem(unmarshall(r.dynamodb.NewImage as never));
    if (!entry) {
      logger.warn('outbox item not relayed: unknown topic or shape', { sequence: r.dynamodb.SequenceNumber });
      continue;
    }
    entries.push({ entry, seq: r.dynamodb.SequenceNumber! });
  }
  const { failed } = await relayEntries(
    ports,
    entries.map((e) => e.entry),
  );
  if (failed.length) logger.warn('outbox entries not relayed, retried', { count: failed.length });
  // the stream retries from the first failure on: report the earliest failed record
  const first = entries.find((e) => failed.includes(e.entry.id));
  return { batchItemFailures: first ? [{ itemIdentifier: first.seq }] : [] };
};

export const handler = middy(run).use(injectLambdaContext(logger, { resetKeys: true }));
