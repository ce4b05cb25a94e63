import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { directoryKeys } from '../db/keys.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { conflictOf, USER_COUNTERS, type Attempt, type AttemptRule, type AttemptSubject, type DirectoryStore, type DirectoryWrite } from './store.ts';
import type { OfficeRecord, Session, StaffUser } from './types.ts';

/** DirectoryStore on the county's directory table: offices, staff users, sessions, login counters. */
const T = () => tableName('directory');

const strip = <X>(item: Record<string, unknown>): X => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, expiresAt: _e, ...rest } = item;
  return rest as X;
};

const get = async (key: { pk: string; sk: string }, consistent = false) =>
  (await dynamo().send(new GetCommand({ TableName: T(), Key: key, ConsistentRead: consistent }))).Item;

const queryAll = async (input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> => {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ TableName: T(), ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
    out.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
};

const queryIndex = (k: { index: string; pk: string }) =>
  queryAll({ IndexName: k.index, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.pk } });

const isConditionFailure = (e: unknown): boolean => (e as Error).name === 'ConditionalCheckFailedException';

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

/** Sends a conditional update; false (not an error) when its condition does not hold. */
const ifStill = async (cmd: UpdateCommand): Promise<boolean> => {
  try {
    await dynamo().send(cmd);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
};

const keyOf = (s: AttemptSubject) => ('userId' in s ? directoryKeys.user(s.userId) : directoryKeys.loginAttempts(s.username));

/**
 * Takes one attempt on a counter item (a user, or an unknown username's item), in one
 * conditional UpdateItem: fewer than `max` taken → one more, arming the lock end. When that
 * fails the lock is either on (answer it) or over (restart the count in a new generation).
 * Returns undefined only when a user item does not exist.
 */
const takeAttempt = async (key: { pk: string; sk: string }, rule: AttemptRule, isUser: boolean): Promise<{ attempt: Attempt; item: Record<string, unknown> } | undefined> => {
  const exists = isUser ? 'attribute_exists(pk) AND ' : '';
  // unknown names' counters vanish a day after their lock would end
  const ttl = isUser ? '' : ', expiresAt = :ttl';
  const values = { ':one': 1, ':z': 0, ':max': rule.max, ':until': rule.lockUntil, ...(isUser ? {} : { ':ttl': Math.floor(new Date(rule.lockUntil).getTime() / 1000) + 86_400 }) };
  for (let tries = 0; tries < 3; tries++) {
    try {
      const r = await dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: key,
          UpdateExpression: `SET failedLogins = if_not_exists(failedLogins, :z) + :one, lockedUntil = :until, attemptGen = if_not_exists(attemptGen, :z)${ttl}`,
          ConditionExpression: `${exists}(attribute_not_exists(failedLogins) OR failedLogins < :max)`,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { attempt: { taken: true, generation: Number(r.Attributes!.attemptGen) }, item: r.Attributes! };
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    try {
      const r = await dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: key,
          UpdateExpression: `SET failedLogins = :one, lockedUntil = :until, attemptGen = if_not_exists(attemptGen, :z) + :one${ttl}`,
          ConditionExpression: `${exists}failedLogins >= :max AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now)`,
          ExpressionAttributeValues: { ...values, ':now': rule.now },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { attempt: { taken: true, generation: Number(r.Attributes!.attemptGen) }, item: r.Attributes! };
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    const item = await get(key, true);
    if (!item) return undefined;
    const lockedUntil = String(item.lockedUntil ?? '');
    if (Number(item.failedLogins ?? 0) >= rule.max && lockedUntil > rule.now) return { attempt: { taken: false, lockedUntil }, item };
    // another attempt restarted the count between our two updates: take again
  }
  return { attempt: { taken: false, lockedUntil: rule.lockUntil }, item: {} };
};

const commit: DirectoryStore['commit'] = async (writes, audits) => {
  const groups = writes.map(toTransactItems);
  const items = groups.flat();
  if (!items.length && !audits.length) return;
  if (items.length === 1 && !audits.length) {
    try {
      return await sendOne(items[0]!);
    } catch (e) {
      if (isConditionFailure(e)) throw conflictOf(writes[0]!);
      throw e;
    }
  }
  const now = new Date();
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...items, ...audits.map((a) => auditPut(a, now))] as never }));
  } catch (e) {
    if ((e as Error).name !== 'TransactionCanceledException') throw e;
    // CancellationReasons lines up with TransactItems: find the write whose condition failed
    const reasons = (e as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    let index = 0;
    for (const [i, group] of groups.entries()) {
      if (group.some((_g, j) => reasons[index + j]?.Code === 'ConditionalCheckFailed')) throw conflictOf(writes[i]!);
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

  async takeLoginAttempt(username, rule) {
    const id = (await get(directoryKeys.username(username)))?.userId;
    if (typeof id === 'string') {
      const r = await takeAttempt(directoryKeys.user(id), rule, true);
      if (r) return { attempt: r.attempt, user: strip<StaffUser>(r.item) };
      // the guard names a user that is gone: count it like any unknown name
    }
    const r = await takeAttempt(directoryKeys.loginAttempts(username), rule, false);
    return { attempt: r!.attempt };
  },
  takeUserAttempt: async (userId, rule) => {
    const r = await takeAttempt(directoryKeys.user(userId), rule, true);
    if (!r) throw new ConflictError('USER_CHANGED', '用户不存在');
    return r.attempt;
  },
  clearAttempts: async (subject, generation) => {
    await ifStill(
      new UpdateCommand({
        TableName: T(),
        Key: keyOf(subject),
        UpdateExpression: 'SET failedLogins = :z, attemptGen = :next REMOVE lockedUntil',
        ConditionExpression: 'attemptGen = :g',
        ExpressionAttributeValues: { ':z': 0, ':g': generation, ':next': generation + 1 },
      }),
    );
  },
  releaseAttempt: async (subject, generation) => {
    await ifStill(
      new UpdateCommand({
        TableName: T(),
        Key: keyOf(subject),
        UpdateExpression: 'ADD failedLogins :minus',
        ConditionExpression: 'attemptGen = :g AND failedLogins > :z',
        ExpressionAttributeValues: { ':minus': -1, ':g': generation, ':z': 0 },
      }),
    );
  },
  takeAddressAttempt: async (ip, window, limit, expiresAt) =>
    ifStill(
      new UpdateCommand({
        TableName: T(),
        Key: directoryKeys.addressFailures(ip, window),
        UpdateExpression: 'ADD #c :one SET expiresAt = :e',
        ConditionExpression: 'attribute_not_exists(#c) OR #c < :limit',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':e': expiresAt, ':limit': limit },
      }),
    ),
  releaseAddressAttempt: async (ip, window) => {
    await ifStill(
      new UpdateCommand({
        TableName: T(),
        Key: directoryKeys.addressFailures(ip, window),
        UpdateExpression: 'ADD #c :minus',
        ConditionExpression: '#c > :z',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':minus': -1, ':z': 0 },
      }),
    );
  },
  useTotpStep: async (userId, step) => {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: directoryKeys.user(userId),
          UpdateExpression: 'SET totpLastStep = :s',
          ConditionExpression: 'attribute_not_exists(totpLastStep) OR totpLastStep < :s',
          ExpressionAttributeValues: { ':s': step },
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  },
});
