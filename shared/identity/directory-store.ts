import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { directoryKeys } from '../db/keys.ts';
import type { OfficeRecord, Session, StaffUser } from './types.ts';

/** The directory table: offices, staff users, sessions, per-address login failures. */
const T = () => tableName('directory');
const strip = <X extends object>(item: Record<string, unknown> | undefined): X | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, expiresAt: _e, ...rest } = item;
  return rest as X;
};

export const directoryStore = {
  async userByUsername(username: string): Promise<StaffUser | undefined> {
    const guard = await dynamo().send(new GetCommand({ TableName: T(), Key: directoryKeys.username(username) }));
    const id = guard.Item?.userId as string | undefined;
    return id ? this.userById(id) : undefined;
  },

  async userById(id: string): Promise<StaffUser | undefined> {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: directoryKeys.user(id), ConsistentRead: true }));
    return strip<StaffUser>(r.Item);
  },

  /** User and its username guard in one transaction: usernames stay unique. */
  createUserItems(user: StaffUser) {
    return [
      { Put: { TableName: T(), Item: { ...directoryKeys.username(user.username), userId: user.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Put: {
          TableName: T(),
          Item: { ...directoryKeys.user(user.id), ...directoryKeys.userIndex(user.officeId, user.username), ...user },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  },

  /** Replaces a user record (the caller guards with the previous updatedAt). */
  putUserItem(user: StaffUser, expectedUpdatedAt: string) {
    return {
      Put: {
        TableName: T(),
        Item: { ...directoryKeys.user(user.id), ...directoryKeys.userIndex(user.officeId, user.username), ...user },
        ConditionExpression: 'updatedAt = :u',
        ExpressionAttributeValues: { ':u': expectedUpdatedAt },
      },
    };
  },

  async usersOfOffice(officeId: string): Promise<StaffUser[]> {
    const k = directoryKeys.usersOfOffice(officeId);
    const r = await dynamo().send(
      new QueryCommand({ TableName: T(), IndexName: k.index, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.pk } }),
    );
    return (r.Items ?? []).map((i) => strip<StaffUser>(i)!);
  },

  async recordFailure(userId: string, lockAfter: number, lockUntil: string): Promise<{ locked: boolean }> {
    const r = await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: directoryKeys.user(userId),
        UpdateExpression: 'ADD failedLogins :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    if (Number(r.Attributes?.failedLogins ?? 0) < lockAfter) return { locked: false };
    await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: directoryKeys.user(userId),
        UpdateExpression: 'SET lockedUntil = :l, failedLogins = :z',
        ExpressionAttributeValues: { ':l': lockUntil, ':z': 0 },
      }),
    );
    return { locked: true };
  },

  /** Records the TOTP step as used; false if this step (or a later one) was used already. */
  async useTotpStep(userId: string, step: number): Promise<boolean> {
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
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  },

  async clearFailures(userId: string): Promise<void> {
    await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: directoryKeys.user(userId),
        UpdateExpression: 'SET failedLogins = :z REMOVE lockedUntil',
        ExpressionAttributeValues: { ':z': 0 },
      }),
    );
  },

  /** Failures from one source address in the current 15-minute window. */
  async addressFailures(ip: string, window: string, add: boolean, expiresAt: number): Promise<number> {
    const key = directoryKeys.addressFailures(ip, window);
    if (!add) {
      const r = await dynamo().send(new GetCommand({ TableName: T(), Key: key }));
      return Number(r.Item?.count ?? 0);
    }
    const r = await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: key,
        UpdateExpression: 'ADD #c :one SET expiresAt = :e',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':e': expiresAt },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(r.Attributes?.count ?? 1);
  },

  sessionPutItem(s: Session) {
    return {
      Put: {
        TableName: T(),
        Item: {
          ...directoryKeys.session(s.id),
          ...directoryKeys.sessionIndex(s.userId, s.createdAt),
          ...s,
          // DynamoDB removes it some time after the absolute end
          expiresAt: Math.floor(new Date(s.endsAt).getTime() / 1000) + 86_400,
        },
      },
    };
  },

  async putSession(s: Session): Promise<void> {
    await dynamo().send(new PutCommand(this.sessionPutItem(s).Put));
  },

  async session(id: string): Promise<Session | undefined> {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: directoryKeys.session(id) }));
    return strip<Session>(r.Item);
  },

  async updateSession(id: string, set: Partial<Pick<Session, 'lastSeenAt' | 'revoked' | 'mustChangePassword' | 'totpEnrolmentRequired'>>): Promise<void> {
    const names = Object.keys(set);
    if (!names.length) return;
    await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: directoryKeys.session(id),
        UpdateExpression: `SET ${names.map((n, i) => `#n${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, set[n as keyof typeof set]])),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  },

  async sessionsOf(userId: string): Promise<Session[]> {
    const k = directoryKeys.sessionsOf(userId);
    const r = await dynamo().send(
      new QueryCommand({ TableName: T(), IndexName: k.index, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.pk } }),
    );
    return (r.Items ?? []).map((i) => strip<Session>(i)!);
  },

  async office(id: string): Promise<OfficeRecord | undefined> {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: directoryKeys.office(id) }));
    return strip<OfficeRecord>(r.Item);
  },

  officePutItem(o: OfficeRecord) {
    return { Put: { TableName: T(), Item: { ...directoryKeys.office(o.id), ...directoryKeys.officeIndex(o.parentId ?? '-', o.id), ...o } } };
  },

  async offices(): Promise<OfficeRecord[]> {
    const k = directoryKeys.allOffices();
    const out: OfficeRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await dynamo().send(
        new QueryCommand({
          TableName: T(),
          IndexName: k.index,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': k.pk },
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(r.Items ?? []).map((i) => strip<OfficeRecord>(i)!));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  },

  async transact(items: unknown[]): Promise<void> {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items as never }));
  },
};

export type DirectoryStore = typeof directoryStore;
