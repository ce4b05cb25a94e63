import { TABLES, type TableId } from './tables.ts';
import { QUEUES, TOPICS, type QueueId, type TopicId } from './queues.ts';

/**
 * Physical resource names reach functions through environment variables (set by the CDK stack,
 * or by the local platform before it imports a handler). Read lazily so tests can point a
 * module at their own isolated tables.
 */
const required = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
};

export const tableName = (id: TableId): string => required(TABLES.find((t) => t.id === id)!.envVar);
export const queueUrl = (id: QueueId): string => required(QUEUES.find((q) => q.id === id)!.envVar);
export const topicArn = (id: TopicId): string => required(TOPICS.find((t) => t.id === id)!.envVar);
export const countyCode = (): string => required('COUNTY_CODE');

