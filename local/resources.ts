import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { TABLES, type TableDef } from '../shared/platform/tables.ts';
import { QUEUES, TOPICS } from '../shared/platform/queues.ts';
import { BUCKETS } from '../shared/platform/buckets.ts';
import type { FunctionResources } from '../infra/config/function-env.ts';

/**
 * Creates a county's tables, queues and topics on the emulators from the same definitions the
 * CDK stack uses (shared/platform/*), and returns their names for the functions' environment.
 */
export interface Endpoints {
  dynamodb: string;
  fauxqs: string;
  region: string;
}

const creds = { accessKeyId: 'local', secretAccessKey: 'local' };

const createTable = async (ddb: DynamoDBClient, name: string, def: TableDef): Promise<void> => {
  try {
    await ddb.send(new DescribeTableCommand({ TableName: name }));
    return; // kept from an earlier run
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  const attrs: AttributeDefinition[] = ['pk', 'sk', ...def.indexes.flatMap((i) => [i.pk, i.sk])].map((a) => ({
    AttributeName: a,
    AttributeType: 'S',
  }));
  await ddb.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attrs,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      ...(def.indexes.length
        ? {
            GlobalSecondaryIndexes: def.indexes.map((i) => ({
              IndexName: i.name,
              KeySchema: [
                { AttributeName: i.pk, KeyType: 'HASH' },
                { AttributeName: i.sk, KeyType: 'RANGE' },
              ],
              // the same projections as the stack (shared/platform/tables.ts), so tests meet what is deployed
              Projection:
                i.projection?.type === 'INCLUDE'
                  ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...i.projection.attributes] }
                  : { ProjectionType: i.projection?.type ?? 'ALL' },
            })),
          }
        : {}),
      ...(def.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } } : {}),
    }),
  );
  if (def.ttlAttribute) {
    await ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true } }));
  }
};

export const createResources = async (prefix: string, ep: Endpoints): Promise<Omit<FunctionResources, 'keys'>> => {
  const tables: Record<string, string> = {};
  const queues: Record<string, string> = {};
  const topics: Record<string, string> = {};
  const ddb = new DynamoDBClient({ endpoint: ep.dynamodb, region: ep.region, credentials: creds });
  for (const def of TABLES) {
    const name = `${prefix}-${def.id}`;
    await createTable(ddb, name, def);
    tables[def.id] = name;
  }
  ddb.destroy();

  const sqs = new SQSClient({ endpoint: ep.fauxqs, region: ep.region, credentials: creds, useQueueUrlAsEndpoint: false });
  for (const q of QUEUES) {
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${q.id}-dlq`, Attributes: { MessageRetentionPeriod: '1209600' } }));
    const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
    const main = await sqs.send(
      new CreateQueueCommand({
        QueueName: `${prefix}-${q.id}`,
        Attributes: {
          VisibilityTimeout: String(q.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: q.maxReceiveCount }),
        },
      }),
    );
    queues[q.id] = main.QueueUrl!;
  }
  sqs.destroy();

  const sns = new SNSClient({ endpoint: ep.fauxqs, region: ep.region, credentials: creds });
  for (const t of TOPICS) {
    const topic = await sns.send(new CreateTopicCommand({ Name: `${prefix}-${t.id}` }));
    topics[t.id] = topic.TopicArn!;
  }
  sns.destroy();

  const buckets: Record<string, string> = {};
  const s3 = new S3Client({ endpoint: ep.fauxqs, region: ep.region, credentials: creds, forcePathStyle: true });
  for (const b of BUCKETS) {
    const name = `${prefix}-${b.id}`.toLowerCase();
    try {
      await s3.send(new CreateBucketCommand({ Bucket: name }));
    } catch (e) {
      // kept from an earlier run
      if (!['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'].includes((e as Error).name)) throw e;
    }
    buckets[b.id] = name;
  }
  s3.destroy();
  return { tables, queues, topics, buckets } as Omit<FunctionResources, 'keys'>;
};

/** The environment that points the AWS SDK (and so every handler) at the emulators. */
export const emulatorEnv = (ep: Endpoints): Record<string, string> => ({
  AWS_REGION: ep.region,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: ep.dynamodb,
  AWS_ENDPOINT_URL_SQS: ep.fauxqs,
  AWS_ENDPOINT_URL_SNS: ep.fauxqs,
  AWS_ENDPOINT_URL_S3: ep.fauxqs,
});
