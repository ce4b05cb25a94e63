import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/dynamo-client.ts';
import { conditionFailedAt, queryAll, withoutKeys } from '../db/dynamo-kit.ts';
import { materialKeys } from '../db/keys.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { tableName } from '../platform/env.ts';
import type { MaterialStore } from './ports.ts';
import type { MaterialFile } from './materials-model.ts';

const strip = (item: Record<string, unknown>): MaterialFile => withoutKeys<MaterialFile>(item);

/** Material records on the cases table (F1–F2): file items and the per-case totals, each write with its audit event. */
export const dynamoMaterialStore = (): MaterialStore => {
  const T = () => tableName('cases');
  const notPending = () => new ConflictError('MATERIAL_NOT_PENDING', '该文件已确认或已被拒收');
  return {
    reserve: async (file, caps, audit) => {
      try {
        await dynamo().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: { TableName: T(), Item: { ...materialKeys.file(file.caseId, file.materialId), ...file }, ConditionExpression: 'attribute_not_exists(pk)' },
              },
              {
                // the totals are taken before the upload: a burst of requests cannot pass the caps
                Update: {
                  TableName: T(),
                  Key: materialKeys.totals(file.caseId),
                  UpdateExpression: 'ADD n :one, bytes :size',
                  ConditionExpression: 'attribute_not_exists(n) OR (n < :maxN AND bytes <= :room)',
                  ExpressionAttributeValues: { ':one': 1, ':size': file.size, ':maxN': caps.maxFiles, ':room': caps.maxBytes - file.size },
                },
              },
              auditPut(audit),
            ],
          }),
        );
        return true;
      } catch (e) {
        if (conditionFailedAt(e, 1)) return false;
        if (conditionFailedAt(e, 0)) throw new ConflictError('MATERIAL_EXISTS', '该材料编号已被使用');
        throw e;
      }
    },
    get: async (caseId, materialId) => {
      const r = await dynamo().send(new GetCommand({ TableName: T(), Key: materialKeys.file(caseId, materialId), ConsistentRead: true }));
      return r.Item ? strip(r.Item) : undefined;
    },
    list: async (caseId) => {
      const k = materialKeys.filesOf(caseId);
      // bounded: at most the per-case cap of files, a page or two
      const out = (
        await queryAll({
          TableName: T(),
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
          ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
          ConsistentRead: true,
        })
      ).map(strip);
      return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    stored: async (caseId, materialId, at, sha256, audit) => {
      try {
        await dynamo().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: T(),
                  Key: materialKeys.file(caseId, materialId),
                  UpdateExpression: 'SET #s = :stored, storedAt = :at, sha256 = :h',
                  ConditionExpression: '#s = :pending',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: { ':stored': 'stored', ':pending': 'pending', ':at': at, ':h': sha256 },
                },
              },
              auditPut(audit),
            ],
          }),
        );
      } catch (e) {
        if (conditionFailedAt(e, 0)) throw notPending();
        throw e;
      }
    },
    refused: async (caseId, materialId, at, audit) => {
      const file = await dynamoMaterialStore().get(caseId, materialId);
      if (!file || file.status !== 'pending') throw notPending();
      try {
        await dynamo().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: T(),
                  Key: materialKeys.file(caseId, materialId),
                  UpdateExpression: 'SET #s = :refused, refusedAt = :at',
                  ConditionExpression: '#s = :pending',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: { ':refused': 'refused', ':pending': 'pending', ':at': at },
                },
              },
              {
                Update: {
                  TableName: T(),
                  Key: materialKeys.totals(caseId),
                  UpdateExpression: 'ADD n :minus, bytes :less',
                  ExpressionAttributeValues: { ':minus': -1, ':less': -file.size },
                },
              },
              auditPut(audit),
            ],
          }),
        );
      } catch (e) {
        if (conditionFailedAt(e, 0)) throw notPending();
        throw e;
      }
    },
  };
};
