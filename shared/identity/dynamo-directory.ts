import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { directoryKeys } from '../db/keys.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { conflictOf, USER_COUNTERS } from './directory-writes.ts';
import type { DirectoryStore, DirectoryWrite } from './ports.ts';
import { dynamoAttempts } from './dynamo-attempts.ts';
import { get, queryAll, strip, T } from './dynamo-directory-table.ts';
import { conditionFailedAt, isCancelled, isConditionFailed } from '../db/dynamo-kit.ts';
import type { OfficeRecord, Session, StaffUser } from './types.ts';

/** DirectoryStore on the county's directory table: offices, staff users, sessions; the counters are in dynamo-attempts.ts. */

const queryIndex = (k: { index: string; pk: string }) =>
  queryAll({ IndexName: k.index, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.pk } });

/** Optional fields of the user record: absent in the new record means removed from the stored one. */
const OPTIONAL_USER_FIELDS = ['totpSecret', 'pendingTotpSecret'] as const;
const counters: readonly string[] = USER_COUNTERS;

/** An UpdateItem that sets a whole record's fields except the counters (and removes optional ones it lacks). */
const updateUserItem = (user: StaffUser, expectedUpdatedAt: string, clearFailures: boolean) => {
  const fields: Record<string, unknown> = { ...user, ...directoryKeys.userIndex(user.officeId, user.username) };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': expectedUpdatedAt };
  const set: string[] = [];
  Object.entries(fields).forEach(([k, v], i) => {
    if (k === 'id' || counters.includes(k) || v === undefined) return;
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
    set.push(`#f${i} = :f${i}`);
  });
  const remove = OPTIONAL_USER_FIELDS.filter((k) => user[k] === undefined).map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  if (clearFailures) {
    // an admin's reset ends a lock and starts a new generation of attempts
    set.push('failedLogins = :zero', 'attemptGen = if_not_exists(attemptGen, :zero) + :one');
    values[':zero'] = 0;
    values[':one'] = 1;
    remove.push('lockedUntil');
  }
  names['#u'] = 'updatedAt';
  return {
    TableName: T(),
    Key: directoryKeys.user(user.id),
    UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
    ConditionExpression: '#u = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};

const sessionItem = (s: Session) => ({
  ...directoryKeys.session(s.id),
  ...directoryKeys.sessionIndex(s.userId, s.createdAt),
  ...s,
  // DynamoDB removes it some time after the absolute end
  expiresAt: Math.floor(new Date(s.endsAt).getTime() / 1000) + 86_400,
});

/** Each write as TransactWrite items (a new user is two: the record and its username guard). */
const toTransactItems = (w: DirectoryWrite): Record<string, unknown>[] => {
  const TableName = T();
  switch (w.op) {
    case 'create-user':
      return [
        { Put: { TableName, Item: { ...directoryKeys.username(w.user.username), userId: w.user.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName,
            Item: { ...directoryKeys.user(w.user.id), ...directoryKeys.userIndex(w.user.officeId, w.user.username), ...w.user },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ];
    case 'update-user':
      return [{ Update: updateUserItem(w.user, w.expectedUpdatedAt, w.clearFailures ?? false) }];
    case 'put-office':
      return [
        {
          Put: {
            TableName,
            Item: { ...directoryKeys.office(w.office.id), ...directoryKeys.officeIndex(w.office.parentId ?? '-', w.office.id), ...w.office },
            ...(w.mode === 'create' ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
          },
        },
      ];
    case 'put-session':
      return [{ Put: { TableName, Item: sessionItem(w.session) } }];
    case 'update-session': {
      const names = Object.keys(w.set);
      return [
        {
          Update: {
            TableName,
            Key: directoryKeys.session(w.id),
            UpdateExpression: `SET ${names.map((_n, i) => `#n${i} = :v${i}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
            ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, w.set[n as keyof typeof w.set]])),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
      ];
    }
  }
};

/** A single write with no audit needs no transaction (half the write units). */
const sendOne = async (item: Record<string, unknown>): Promise<void> => {
  if ('Put' in item) await dynamo().send(new PutCommand(item.Put as never));
  else await dynamo().send(new UpdateCommand(item.Update as never));
};

const commit: DirectoryStore['commit'] = async (writes, audits) => {
  const groups = writes.map(toTransactItems);
  const items = groups.flat();
  if (!items.length && !audits.length) return;
  if (items.length === 1 && !audits.length) {
    try {
      return await sendOne(items[0]!);
    } catch (e) {
      if (isConditionFailed(e)) throw conflictOf(writes[0]!);
      throw e;
    }
  }
  const now = new Date();
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...items, ...audits.map((a) => auditPut(a, now))] as never }));
  } catch (e) {
    if (!isCancelled(e)) throw e;
    // CancellationReasons lines up with TransactItems: find the write whose condition failed
    let index = 0;
    for (const [i, group] of groups.entries()) {
      if (group.some((_g, j) => conditionFailedAt(e, index + j))) throw conflictOf(writes[i]!);
      index += group.length;
    }
    throw new ConflictError('DIRECTORY_CONFLICT', '数据刚被他人修改，请重试');
  }
};

export const dynamoDirectory = (): DirectoryStore => ({
  async userById(id) {
    const item = await get(directoryKeys.user(id), true);
    return item ? strip<StaffUser>(item) : undefined;
  },
  async userByUsername(username) {
    const id = (await get(directoryKeys.username(username)))?.userId;
    return typeof id === 'string' ? this.userById(id) : undefined;
  },
  usersOfOffice: async (officeId) => (await queryIndex(directoryKeys.usersOfOffice(officeId))).map((i) => strip<StaffUser>(i)),
  office: async (id) => {
    const item = await get(directoryKeys.office(id));
    return item ? strip<OfficeRecord>(item) : undefined;
  },
  offices: async () => (await queryIndex(directoryKeys.allOffices())).map((i) => strip<OfficeRecord>(i)),
  session: async (id) => {
    const item = await get(directoryKeys.session(id));
    return item ? strip<Session>(item) : undefined;
  },
  sessionsOf: async (userId) => (await queryIndex(directoryKeys.sessionsOf(userId))).map((i) => strip<Session>(i)),
  commit,

  ...dynamoAttempts(),
});
