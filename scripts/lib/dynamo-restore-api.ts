import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  RestoreTableToPointInTimeCommand,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { RestoreApi } from './restore.ts';

/** RestoreApi on DynamoDB in the county's account and region (DynamoDB Local has no PITR). */
export const dynamoRestoreApi = (region: string): RestoreApi => {
  const ddb = new DynamoDBClient({ region });
  const arnOf = async (name: string) => (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table!.TableArn!;
  return {
    describe: async (name) => {
      try {
        const t = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table!;
        return {
          status: t.TableStatus ?? 'UNKNOWN',
          kmsKeyArn: t.SSEDescription?.KMSMasterKeyArn,
          deletionProtection: Boolean(t.DeletionProtectionEnabled),
          streamEnabled: Boolean(t.StreamSpecification?.StreamEnabled),
        };
      } catch (e) {
        if (e instanceof ResourceNotFoundException) return undefined;
        throw e;
      }
    },
    window: async (name) => {
      const d = (await ddb.send(new DescribeContinuousBackupsCommand({ TableName: name }))).ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
      if (d?.PointInTimeRecoveryStatus !== 'ENABLED' || !d.EarliestRestorableDateTime || !d.LatestRestorableDateTime) return undefined;
      return { earliest: d.EarliestRestorableDateTime, latest: d.LatestRestorableDateTime };
    },
    restore: async ({ source, target, at, kmsKeyArn }) => {
      await ddb.send(
        new RestoreTableToPointInTimeCommand({
          SourceTableName: source,
          TargetTableName: target,
          ...(at === 'latest' ? { UseLatestRestorableTime: true } : { RestoreDateTime: at }),
          BillingModeOverride: 'PAY_PER_REQUEST',
          // the county's own data key, as the stack's tables use
          ...(kmsKeyArn ? { SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: kmsKeyArn } } : {}),
        }),
      );
    },
    enablePitr: async (name) => {
      await ddb.send(new UpdateContinuousBackupsCommand({ TableName: name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
    },
    protect: async (name) => {
      await ddb.send(new UpdateTableCommand({ TableName: name, DeletionProtectionEnabled: true }));
    },
    enableStream: async (name, view) => {
      await ddb.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: view } }));
    },
    enableTtl: async (name, attribute) => {
      await ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: attribute, Enabled: true } }));
    },
    tag: async (name, tags) => {
      await ddb.send(new TagResourceCommand({ ResourceArn: await arnOf(name), Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
};
