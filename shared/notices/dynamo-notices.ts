import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { isConditionFailed } from '../db/dynamo-kit.ts';
import { tableName } from '../platform/env.ts';
import { noticeKeys, outboxKeys } from '../db/keys.ts';
import type { NoticePayload, StoredNotice } from './model.ts';
import type { NoticeStore, Settlement } from './ports.ts';

/**
 * NoticeStore on the cases table: a notice is its outbox entry (O1/O2, `OUTBOX#notices#<case>`),
 * its progress kept on the same item; caps are `NOTICECAP#…` (AccessPatterns.md). Every change is
 * one conditional UpdateItem: the consumer's grant holds nothing else.
 */
const T = (): string => tableName('cases');
const key = (caseId: string, id: string) => outboxKeys.entry('notices', caseId, id);

/** Read and write units spent (npm run bench: units per text). */
export const noticeMeter = { read: 0, write: 0 };
const metered = <R extends { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }>(r: R, kind: 'read' | 'write'): R => {
  const c = r.ConsumedCapacity;
  noticeMeter[kind] += (Array.isArray(c) ? c : c ? [c] : []).reduce((s, x) => s + (x.CapacityUnits ?? 0), 0);
  return r;
};

const noticeOf = (i: Record<string, unknown>): StoredNotice => ({
  caseId: i.subject as string,
  id: i.id as string,
  at: i.at as string,
  payload: i.payload as NoticePayload,
  status: (i.status as StoredNotice['status'] | undefined) ?? 'queued',
  statusAt: (i.statusAt as string | undefined) ?? (i.at as string),
  ...(typeof i.reason === 'string' ? { reason: i.reason } : {}),
  ...(typeof i.heldUntil === 'string' ? { heldUntil: i.heldUntil } : {}),
  ...(typeof i.attempts === 'number' ? { attempts: i.attempts } : {}),
  ...(typeof i.providerId === 'string' ? { providerId: i.providerId } : {}),
  ...(typeof i.claim === 'string' ? { claim: i.claim } : {}),
  ...(typeof i.claimedAt === 'string' ? { claimedAt: i.claimedAt } : {}),
});

const conditional = async (run: () => Promise<unknown>): Promise<boolean> => {
  try {
    await run();
    return true;
  } catch (e) {
    if (isConditionFailed(e)) return false;
    throw e;
  }
};

const settlementUpdate = (s: Settlement) => {
  const names: Record<string, string> = { '#s': 'status', '#at': 'statusAt' };
  const values: Record<string, unknown> = { ':s': s.status, ':at': s.statusAt };
  const sets = ['#s = :s', '#at = :at'];
  const removes = ['claim', 'claimedAt', 'heldUntil'];
  if (s.reason) {
    sets.push('reason = :r');
    values[':r'] = s.reason;
  } else removes.push('reason');
  if (s.providerId) {
    sets.push('providerId = :p');
    values[':p'] = s.providerId;
  }
  if (s.attempted) {
    sets.push('attempts = if_not_exists(attempts, :zero) + :one');
    Object.assign(values, { ':zero': 0, ':one': 1 });
  }
  return { names, values, expr: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}` };
};

export const dynamoNoticeStore = (): NoticeStore => ({
  get: async (caseId, id) => {
    const r = metered(
      await dynamo().send(new GetCommand({ TableName: T(), Key: key(caseId, id), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' })),
      'read',
    );
    return r.Item ? noticeOf(r.Item) : undefined;
  },
  list: async (caseId) => {
    const r = await dynamo().send(
      new QueryCommand({ TableName: T(), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': outboxKeys.ofSubject('notices', caseId).pk } }),
    );
    return (r.Items ?? []).map(noticeOf).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  },
  hold: async (caseId, id, until) => {
    await conditional(() =>
      dynamo()
        .send(
          new UpdateCommand({
            TableName: T(),
            Key: key(caseId, id),
            UpdateExpression: 'SET heldUntil = :u',
            ConditionExpression: '#s = :q',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':u': until, ':q': 'queued' },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        )
        .then((r) => metered(r, 'write')),
    );
  },
  claim: (caseId, id, claim, at, staleBefore) =>
    conditional(() =>
      dynamo()
        .send(
          new UpdateCommand({
            TableName: T(),
            Key: key(caseId, id),
            UpdateExpression: 'SET #s = :sending, claim = :c, claimedAt = :at',
            ConditionExpression: '#s = :q OR (#s = :sending AND claimedAt < :stale)',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':sending': 'sending', ':q': 'queued', ':c': claim, ':at': at, ':stale': staleBefore },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        )
        .then((r) => metered(r, 'write')),
    ),
  settle: (caseId, id, claim, s) => {
    const u = settlementUpdate(s);
    return conditional(() =>
      dynamo()
        .send(
          new UpdateCommand({
            TableName: T(),
            Key: key(caseId, id),
            UpdateExpression: u.expr,
            ConditionExpression: 'claim = :claim',
            ExpressionAttributeNames: u.names,
            ExpressionAttributeValues: { ...u.values, ':claim': claim },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        )
        .then((r) => metered(r, 'write')),
    );
  },
  receipt: (caseId, id, providerId, s) => {
    const u = settlementUpdate(s);
    return conditional(() =>
      dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: key(caseId, id),
          UpdateExpression: u.expr,
          ConditionExpression: 'providerId = :pid AND #s = :sent',
          ExpressionAttributeNames: u.names,
          ExpressionAttributeValues: { ...u.values, ':pid': providerId, ':sent': 'sent' },
        }),
      ),
    );
  },
  takeCap: (phoneKey, day, cap, expiresAt) =>
    conditional(() =>
      dynamo()
        .send(
          new UpdateCommand({
            TableName: T(),
            Key: noticeKeys.cap(phoneKey, day),
            UpdateExpression: 'ADD n :one SET expiresAt = :exp',
            ConditionExpression: 'attribute_not_exists(n) OR n < :cap',
            ExpressionAttributeValues: { ':one': 1, ':cap': cap, ':exp': Math.floor(expiresAt.getTime() / 1000) },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        )
        .then((r) => metered(r, 'write')),
    ),
  giveBackCap: async (phoneKey, day) => {
    await conditional(() =>
      dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: noticeKeys.cap(phoneKey, day),
          UpdateExpression: 'ADD n :minus',
          ConditionExpression: 'n > :zero',
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        }),
      ),
    );
  },
});
