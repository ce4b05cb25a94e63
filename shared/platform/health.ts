import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { dynamo, sqsClient, snsClient } from '../aws/clients.ts';
import { TABLES } from './tables.ts';
import { QUEUES, TOPICS } from './queues.ts';
import { tableName, queueUrl, topicArn } from './env.ts';

export interface HealthReport {
  ok: boolean;
  checks: Array<{ kind: 'table' | 'queue' | 'topic'; id: string; ok: boolean; ms: number; error?: string }>;
}

const check = async (kind: HealthReport['checks'][number]['kind'], id: string, probe: () => Promise<unknown>) => {
  const t0 = Date.now();
  try {
    await probe();
    return { kind, id, ok: true, ms: Date.now() - t0 };
  } catch (e) {
    // the error name only: messages may carry account ids or endpoints
    return { kind, id, ok: false, ms: Date.now() - t0, error: (e as Error).name };
  }
};

/** Whether every table, queue and topic of the county answers (in parallel, by logical name). */
export const checkHealth = async (): Promise<HealthReport> => {
  const checks = await Promise.all([
    ...TABLES.map((t) => check('table', t.id, () => dynamo().send(new DescribeTableCommand({ TableName: tableName(t.id) })))),
    ...QUEUES.map((q) =>
      check('queue', q.id, () => sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: queueUrl(q.id), AttributeNames: ['QueueArn'] }))),
    ),
    ...TOPICS.map((t) => check('topic', t.id, () => snsClient().send(new GetTopicAttributesCommand({ TopicArn: topicArn(t.id) })))),
  ]);
  return { ok: checks.every((c) => c.ok), checks };
};
