import { GetCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { conditionFailedAt, queryAtMost, withoutKeys } from '../db/dynamo-kit.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/dynamo-client.ts';
import { archiveKeys } from '../db/keys.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { tableName } from '../platform/env.ts';
import type { ArchiveRecord } from './model.ts';
import type { ArchiveStore } from './ports.ts';

const strip = (item: Record<string, unknown>): ArchiveRecord => withoutKeys<ArchiveRecord>(item);

/** A Query of an index, at most `limit` items. */
const queryAll = async (input: QueryCommandInput, limit: number): Promise<ArchiveRecord[]> => (await queryAtMost(input, limit)).map(strip);

/**
 * The archive records on the cases table (AR1–AR3 in AccessPatterns.md): the record with its
 * audit event in one transaction, conditional on the version read. The retention index entry
 * (gsi3, sparse) exists only while a package can still be destroyed: never for 永久, removed once destroyed.
 */
export const dynamoArchiveStore = (): ArchiveStore => {
  const T = () => tableName('cases');
  return {
    get: async (caseId) => {
      const r = await dynamo().send(new GetCommand({ TableName: T(), Key: archiveKeys.record(caseId), ConsistentRead: true }));
      return r.Item ? strip(r.Item) : undefined;
    },
    put: async (record, expectedVersion, audit) => {
      const listed = record.retainUntil && !record.destroyedAt ? archiveKeys.byRetention(record.retainUntil, record.caseId) : {};
      try {
        await dynamo().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: T(),
                  Item: {
                    ...archiveKeys.record(record.caseId),
                    ...archiveKeys.byYear(record.archiveDate.slice(0, 4), record.archiveDate, record.number),
                    ...listed,
                    ...record,
                  },
                  ...(expectedVersion === 0
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
                },
              },
              auditPut(audit),
            ],
          }),
        );
      } catch (e) {
        if (conditionFailedAt(e, 0)) throw new ConflictError('ARCHIVE_STALE', '档案已被更新');
        throw e;
      }
    },
    ofYear: async (year, limit) => {
      const k = archiveKeys.year(year);
      return queryAll(
        { TableName: T(), IndexName: k.index, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.pk }, ScanIndexForward: false },
        limit,
      );
    },
    retentionEnded: async (day, limit) => {
      const k = archiveKeys.retention();
      // gsi3sk = <retainUntil>#<caseId>: everything before the day after `day`
      return queryAll(
        {
          TableName: T(),
          IndexName: k.index,
          KeyConditionExpression: 'gsi3pk = :p AND gsi3sk < :d',
          ExpressionAttributeValues: { ':p': k.pk, ':d': `${day}$` },
        },
        limit,
      );
    },
  };
};
