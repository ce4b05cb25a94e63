import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { directoryKeys } from '../db/keys.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { get, strip, T } from './dynamo-directory-table.ts';
import { conditionally, isConditionFailed } from '../db/dynamo-kit.ts';
import type { Attempt, AttemptRule, AttemptSubject, LoginAttempts } from './ports.ts';
import type { StaffUser } from './types.ts';

/**
 * LoginAttempts on DynamoDB (the directory table): login attempts (per user, per unknown username,
 * per source address) and the last TOTP step. Every one is a conditional UpdateItem; nothing is
 * read, decided and written back.
 */

/** Sends a conditional update; false (not an error) when its condition does not hold. */
const ifStill = (cmd: UpdateCommand): Promise<boolean> => conditionally(() => dynamo().send(cmd));

const keyOf = (s: AttemptSubject) => ('userId' in s ? directoryKeys.user(s.userId) : directoryKeys.loginAttempts(s.username));

/**
 * Takes one attempt on a counter item (a user, or an unknown username's item), in one
 * conditional UpdateItem: fewer than `max` taken → one more, arming the lock end. When that
 * fails the lock is either on (answer it) or over (restart the count in a new generation).
 * Returns undefined only when a user item does not exist.
 */
const takeAttempt = async (
  key: { pk: string; sk: string },
  rule: AttemptRule,
  isUser: boolean,
): Promise<{ attempt: Attempt; item: Record<string, unknown> } | undefined> => {
  const exists = isUser ? 'attribute_exists(pk) AND ' : '';
  // unknown names' counters vanish a day after their lock would end
  const ttl = isUser ? '' : ', expiresAt = :ttl';
  const values = {
    ':one': 1,
    ':z': 0,
    ':max': rule.max,
    ':until': rule.lockUntil,
    ...(isUser ? {} : { ':ttl': Math.floor(new Date(rule.lockUntil).getTime() / 1000) + 86_400 }),
  };
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
      if (!isConditionFailed(e)) throw e;
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
      if (!isConditionFailed(e)) throw e;
    }
    const item = await get(key, true);
    if (!item) return undefined;
    const lockedUntil = String(item.lockedUntil ?? '');
    if (Number(item.failedLogins ?? 0) >= rule.max && lockedUntil > rule.now) return { attempt: { taken: false, lockedUntil }, item };
    // another attempt restarted the count between our two updates: take again
  }
  return { attempt: { taken: false, lockedUntil: rule.lockUntil }, item: {} };
};

export const dynamoAttempts = (): LoginAttempts => ({
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
    if (!r) throw new NotFoundError('用户不存在');
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
  useTotpStep: (userId, step) =>
    ifStill(
      new UpdateCommand({
        TableName: T(),
        Key: directoryKeys.user(userId),
        UpdateExpression: 'SET totpLastStep = :s',
        // a user who does not exist has no step to use (and no item is made for one)
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(totpLastStep) OR totpLastStep < :s)',
        ExpressionAttributeValues: { ':s': step },
      }),
    ),
});
