import { tableDef, type TableId } from './tables.ts';
import { QUEUES, TOPICS, type QueueId, type TopicId } from './queues.ts';
import { BUCKETS, type BucketId } from './buckets.ts';
import { requireVar, runtimeConfig } from './runtime-config.ts';

/**
 * Physical resource names, for the adapters (dynamo-*.ts, sqs-*.ts, sns-*.ts). They come from the
 * runtime config (shared/platform/runtime-config.ts); a missing one fails where it is needed,
 * naming its variable.
 */
const envVarOf = (defs: ReadonlyArray<{ id: string; envVar: string }>, id: string): string => defs.find((d) => d.id === id)!.envVar;

export const tableName = (id: TableId): string => requireVar(runtimeConfig().tables[id], tableDef(id).envVar);
export const queueUrl = (id: QueueId): string => requireVar(runtimeConfig().queues[id], envVarOf(QUEUES, id));
export const topicArn = (id: TopicId): string => requireVar(runtimeConfig().topics[id], envVarOf(TOPICS, id));
export const bucketName = (id: BucketId): string => requireVar(runtimeConfig().buckets[id], envVarOf(BUCKETS, id));
export const countyCode = (): string => requireVar(runtimeConfig().countyCode, 'COUNTY_CODE');
