import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/clients.ts';
import { bootstrapKeys } from '../db/keys.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { tableName } from '../platform/env.ts';
import { directoryStore } from './directory-store.ts';
import { adminExists, type FirstAdminMark, type FirstAdminStore } from './first-admin.ts';

/** FirstAdminStore on the directory table (D1, D2, D7), through the directory adapter's own item builders. */
const TRANSACTION_LIMIT = 100;

export const dynamoFirstAdminStore = (): FirstAdminStore => ({
  offices: () => directoryStore.offices(),
  putOffices: async (offices, audit) => {
    // offices are idempotent puts: a long tree goes in several transactions, the audit with the last
    const puts = offices.map((o) => directoryStore.officePutItem(o));
    const room = TRANSACTION_LIMIT - audit.length;
    for (let i = 0; i < puts.length; i += room) {
      const last = i + room >= puts.length;
      await directoryStore.transact([...puts.slice(i, i + room), ...(last ? audit.map((a) => auditPut(a)) : [])]);
    }
  },
  userByUsername: (username) => directoryStore.userByUsername(username),
  firstAdmin: async () => {
    const r = await dynamo().send(new GetCommand({ TableName: tableName('directory'), Key: bootstrapKeys.firstAdmin(), ConsistentRead: true }));
    return r.Item ? { userId: String(r.Item.userId), username: String(r.Item.username), createdAt: String(r.Item.createdAt) } : undefined;
  },
  createFirstAdmin: async (user, mark, replacing, audit) => {
    const markPut = {
      Put: {
        TableName: tableName('directory'),
        Item: { ...bootstrapKeys.firstAdmin(), ...mark },
        ...(replacing
          ? { ConditionExpression: 'userId = :prev', ExpressionAttributeValues: { ':prev': replacing.userId } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    };
    const userItems = directoryStore.createUserItems(user);
    try {
      await directoryStore.transact([...userItems, markPut, ...audit.map((a) => auditPut(a))]);
    } catch (e) {
      if (!(e instanceof TransactionCanceledException || (e as Error).name === 'TransactionCanceledException')) throw e;
      const reasons = (e as TransactionCanceledException).CancellationReasons ?? [];
      if (reasons[userItems.length]?.Code === 'ConditionalCheckFailed') {
        const now = await dynamo().send(new GetCommand({ TableName: tableName('directory'), Key: bootstrapKeys.firstAdmin(), ConsistentRead: true }));
        throw adminExists((now.Item as FirstAdminMark | undefined) ?? mark);
      }
      throw new ConflictError('USERNAME_TAKEN', `用户名 ${user.username} 已被使用`);
    }
  },
});
