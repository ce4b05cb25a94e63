import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { bootstrapKeys } from '../db/keys.ts';
import { isConditionFailed } from '../db/dynamo-kit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { tableName } from '../platform/env.ts';
import { dynamoDirectory } from './dynamo-directory.ts';
import { adminExists } from './first-admin.ts';
import type { FirstAdminMark, FirstAdminStore } from './ports.ts';

/** FirstAdminStore on the directory table (D1, D2, D7), through the directory adapter's own item builders. */
const TRANSACTION_LIMIT = 100;

export const dynamoFirstAdminStore = (): FirstAdminStore => {
  const directory = dynamoDirectory();
  const markOf = async () =>
    (await dynamo().send(new GetCommand({ TableName: tableName('directory'), Key: bootstrapKeys.firstAdmin(), ConsistentRead: true }))).Item as
      FirstAdminMark | undefined;
  return {
    offices: () => directory.offices(),
    putOffices: async (offices, audit) => {
      // offices are idempotent puts: a long tree goes in several commits, the audit with the last
      const room = TRANSACTION_LIMIT - audit.length;
      for (let i = 0; i < offices.length || i === 0; i += room) {
        const last = i + room >= offices.length;
        await directory.commit(
          offices.slice(i, i + room).map((office) => ({ op: 'put-office' as const, office, mode: 'upsert' as const })),
          last ? audit : [],
        );
        if (last) break;
      }
    },
    userByUsername: (username) => directory.userByUsername(username),
    firstAdmin: async () => {
      const m = await markOf();
      return m ? { userId: String(m.userId), username: String(m.username), createdAt: String(m.createdAt) } : undefined;
    },
    createFirstAdmin: async (user, mark, replacing, audit) => {
      // the mark first, conditionally: two commands at once can't both create "the first" admin
      try {
        await dynamo().send(
          new PutCommand({
            TableName: tableName('directory'),
            Item: { ...bootstrapKeys.firstAdmin(), ...mark },
            ...(replacing
              ? { ConditionExpression: 'userId = :prev', ExpressionAttributeValues: { ':prev': replacing.userId } }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          }),
        );
      } catch (e) {
        if (!isConditionFailed(e)) throw e;
        throw adminExists((await markOf()) ?? mark);
      }
      try {
        await directory.commit([{ op: 'create-user', user }], audit);
      } catch (e) {
        // the user could not be created (its name is taken): the mark goes back to what it was
        if (replacing) await dynamo().send(new PutCommand({ TableName: tableName('directory'), Item: { ...bootstrapKeys.firstAdmin(), ...replacing } }));
        else await dynamo().send(new DeleteCommand({ TableName: tableName('directory'), Key: bootstrapKeys.firstAdmin() }));
        if (e instanceof ConflictError) throw new ConflictError('USERNAME_TAKEN', `用户名 ${user.username} 已被使用`);
        throw e;
      }
    },
  };
};
