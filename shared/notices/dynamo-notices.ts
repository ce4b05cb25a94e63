import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { conditionally } from '../db/dynamo-kit.ts';
import { outboxProgress, type ProgressSettlement } from '../outbox/dynamo-outbox-progress.ts';
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

const progress = outboxProgress('notices', T, { openStatus: 'queued', clearOnSettle: ['heldUntil'] });
const settlementOf = ({ providerId, ...s }: Settlement): ProgressSettlement => ({ ...s, also: { providerId } });

export const dynamoNoticeStore = (): NoticeStore => ({
  get: async (caseId, id) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: progress.key(caseId, id), ConsistentRead: true }));
    return r.Item ? noticeOf(r.Item) : undefined;
  },
  list: async (caseId) => {
    const r = await dynamo().send(
      new QueryCommand({ TableName: T(), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': outboxKeys.ofSubject('notices', caseId).pk } }),
    );
    return (r.Items ?? []).map(noticeOf).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  },
  hold: async (caseId, id, until) => {
    await conditionally(() =>
      dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: progress.key(caseId, id),
          UpdateExpression: 'SET heldUntil = :u',
          ConditionExpression: '#s = :q',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':u': until, ':q': 'queued' },
        }),
      ),
    );
  },
  claim: progress.claim,
  settle: (caseId, id, claim, s) => progress.settle(caseId, id, claim, settlementOf(s)),
  // a delivery receipt settles the sent notice its provider id names
  receipt: (caseId, id, providerId, s) =>
    progress.settleWhere(caseId, id, settlementOf(s), 'providerId = :pid AND #s = :sent', { ':pid': providerId, ':sent': 'sent' }),
  takeCap: (phoneKey, day, cap, expiresAt) =>
    conditionally(() =>
      dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: noticeKeys.cap(phoneKey, day),
          UpdateExpression: 'ADD n :one SET expiresAt = :exp',
          ConditionExpression: 'attribute_not_exists(n) OR n < :cap',
          ExpressionAttributeValues: { ':one': 1, ':cap': cap, ':exp': Math.floor(expiresAt.getTime() / 1000) },
        }),
      ),
    ),
  giveBackCap: async (phoneKey, day) => {
    await conditionally(() =>
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
