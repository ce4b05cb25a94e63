import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { caseKeys, OPEN_SHARDS } from '../db/keys.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { ConflictError, NotFoundError } from '../errors/domain-errors.ts';
import { RUNNING, type CaseRecord } from './model.ts';
import { CASE_CONFLICT, staleVersion, type CaseStore, type CaseWrite, type TimelineEvent } from './store.ts';

/** CaseStore on the county's cases table (access patterns K1–K10 in shared/db/AccessPatterns.md). */
const T = (): string => tableName('cases');

/** Capacity consumed by this adapter's calls (read by `npm run bench`; costs nothing to keep). */
export const capacityMeter = { read: 0, write: 0 };
const meter = (c: { CapacityUnits?: number } | undefined, kind: 'read' | 'write') => {
  if (c) capacityMeter[kind] += c.CapacityUnits ?? 0;
};

const compact = (day: string): string => day.replaceAll('-', '');

/** A case item carries its own index attributes, derived here and only here on every write. */
const caseItem = (c: CaseRecord, applicantHash?: string) => ({
  ...caseKeys.case(c.id),
  ...caseKeys.byNumber(c.number),
  ...caseKeys.byOfficeStatus(c.handedTo ?? c.officeId, c.status, c.acceptedAt ?? c.createdAt, c.id),
  // sparse: only while the promise runs
  ...(RUNNING.includes(c.status) && c.dueAt ? caseKeys.openByDue(c.id, c.dueAt) : {}),
  ...(applicantHash ? caseKeys.byApplicant(applicantHash, c.createdAt) : {}),
  ...c,
});

/** The record without its key and index attributes (they are derived again on every write). */
const record = (item: Record<string, unknown>): CaseRecord =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !/^(pk|sk|gsi\dpk|gsi\dsk)$/.test(k))) as unknown as CaseRecord;

/** Each transaction item, with what it stands for (to read the cancellation reasons back). */
type Part = 'case' | 'idempotency' | 'update' | 'event' | 'count' | 'forward-case' | 'forward-event' | 'audit';

const toItems = (w: CaseWrite): Array<{ part: Part; item: Record<string, unknown> }> => {
  const TableName = T();
  switch (w.op) {
    case 'create':
      return [
        { part: 'case', item: { Put: { TableName, Item: caseItem(w.case, w.applicantHash), ConditionExpression: 'attribute_not_exists(pk)' } } },
        {
          part: 'idempotency',
          item: {
            Put: {
              TableName,
              Item: { ...caseKeys.idempotency(w.idempotency.key), caseId: w.case.id, bodyHash: w.idempotency.bodyHash, expiresAt: Math.floor(w.idempotency.expiresAt.getTime() / 1000) },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ];
    case 'update':
      // a Put, so index attributes that no longer apply (leaving the open set) go with it
      return [
        {
          part: 'update',
          item: { Put: { TableName, Item: caseItem(w.case, w.applicantHash), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': w.expectedVersion } } },
        },
      ];
    case 'event':
      return [{ part: 'event', item: { Put: { TableName, Item: { ...caseKeys.event(w.caseId, w.event.at, w.version), ...w.event }, ConditionExpression: 'attribute_not_exists(pk)' } } }];
    case 'count': {
      const keys = Object.keys(w.add) as Array<keyof typeof w.add>;
      return [
        {
          part: 'count',
          item: {
            Update: {
              TableName,
              Key: caseKeys.dailyStats(w.officeId, compact(w.day)),
              UpdateExpression: `ADD ${keys.map((_k, i) => `#k${i} :v${i}`).join(', ')}`,
              ExpressionAttributeNames: Object.fromEntries(keys.map((k, i) => [`#k${i}`, k])),
              ExpressionAttributeValues: Object.fromEntries(keys.map((k, i) => [`:v${i}`, w.add[k]])),
            },
          },
        },
      ];
    }
    case 'forward': {
      const h = w.handOver;
      return [
        {
          part: 'forward-case',
          item: {
            Update: {
              TableName,
              Key: caseKeys.case(h.caseId),
              UpdateExpression: 'SET handedTo = :to, handedAt = :at, version = version + :one',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':to': h.toOfficeId, ':at': h.forwardedAt, ':one': 1 },
            },
          },
        },
        {
          part: 'forward-event',
          item: { Put: { TableName, Item: { ...caseKeys.forwardEvent(h.caseId, h.forwardedAt, h.forwardId), type: 'forwarded', at: h.forwardedAt, ...h }, ConditionExpression: 'attribute_not_exists(pk)' } },
        },
      ];
    }
  }
};

/** Reads DynamoDB's cancellation reasons back into the domain's conflicts. */
const conflictOf = (parts: readonly Part[], reasons: ReadonlyArray<{ Code?: string | undefined }>): Error | undefined => {
  const failed = (part: Part) => reasons.some((r, i) => parts[i] === part && r.Code === 'ConditionalCheckFailed');
  if (failed('forward-case')) return new NotFoundError('办件不存在');
  if (failed('update')) return staleVersion();
  if (failed('idempotency')) return new ConflictError(CASE_CONFLICT.keyTaken, '该受理请求编号已使用');
  if (failed('forward-event')) return new ConflictError(CASE_CONFLICT.alreadyApplied, '该转报已处理');
  if (reasons.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ConditionalCheckFailed'))
    return new ConflictError(CASE_CONFLICT.busy, '系统繁忙，请稍后重试');
  return undefined;
};

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

const encodeCursor = (key: Record<string, unknown> | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined);
const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined; // a mangled cursor starts from the top
  }
};

export const dynamoCaseStore = (): CaseStore => ({
  get: async (id) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: caseKeys.case(id), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
    meter(r.ConsumedCapacity, 'read');
    if (!r.Item) return undefined;
    const hash = typeof r.Item.gsi5pk === 'string' ? r.Item.gsi5pk.replace(/^APPL#/, '') : undefined;
    return { record: record(r.Item), ...(hash ? { applicantHash: hash } : {}) };
  },
  byNumber: async (number) => {
    const k = caseKeys.byNumber(number);
    const r = await dynamo().send(
      new QueryCommand({ TableName: T(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.gsi1pk }, Limit: 1 }),
    );
    return r.Items?.[0] ? record(r.Items[0]) : undefined;
  },
  events: async (id) => {
    const k = caseKeys.eventsOf(id);
    const rows = await queryAll({ KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix } });
    return rows.map(({ at, type, by, note }) => ({ at, type, by, ...(note ? { note } : {}) }) as TimelineEvent);
  },
  ofOffice: async (officeId, status, page = {}) => {
    const k = caseKeys.officeStatus(officeId, status);
    const start = decodeCursor(page.cursor);
    const r = await dynamo().send(
      new QueryCommand({
        TableName: T(),
        IndexName: k.index,
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': k.pk },
        ScanIndexForward: false,
        Limit: page.limit ?? 100,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const cursor = encodeCursor(r.LastEvaluatedKey);
    return { cases: (r.Items ?? []).map(record), ...(cursor ? { cursor } : {}) };
  },
  openDueBy: async (officeId, horizon) => {
    const out: CaseRecord[] = [];
    for (let shard = 0; shard < OPEN_SHARDS; shard++) {
      const k = caseKeys.openShard(shard);
      const rows = await queryAll({
        IndexName: k.index,
        KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :h',
        FilterExpression: 'officeId = :o OR handedTo = :o',
        ExpressionAttributeValues: { ':p': k.pk, ':h': `${horizon}#\uffff`, ':o': officeId },
      });
      out.push(...rows.map(record));
    }
    return out.sort((a, b) => a.dueAt!.localeCompare(b.dueAt!));
  },
  idempotency: async (key) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: caseKeys.idempotency(key), ConsistentRead: true }));
    return r.Item ? { caseId: r.Item.caseId as string, bodyHash: r.Item.bodyHash as string } : undefined;
  },
  nextSequence: async (countyCode, day) => {
    const r = await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: caseKeys.sequence(countyCode, compact(day)),
        UpdateExpression: 'ADD n :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    meter(r.ConsumedCapacity, 'write');
    return Number(r.Attributes?.n);
  },
  hitPublicLookup: async (address, window, expiresAt) => {
    const r = await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: caseKeys.publicRate(address, window),
        UpdateExpression: 'ADD n :one SET expiresAt = :e',
        ExpressionAttributeValues: { ':one': 1, ':e': Math.floor(expiresAt.getTime() / 1000) },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(r.Attributes?.n);
  },
  takePublicGuess: async (number, day, limit, expiresAt) => {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key: caseKeys.publicGuesses(number, day),
          UpdateExpression: 'ADD n :one SET expiresAt = :e',
          ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
          ExpressionAttributeValues: { ':one': 1, ':e': Math.floor(expiresAt.getTime() / 1000), ':limit': limit },
        }),
      );
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  },
  releasePublicGuess: async (number, day) => {
    await dynamo().send(
      new UpdateCommand({ TableName: T(), Key: caseKeys.publicGuesses(number, day), UpdateExpression: 'ADD n :minus', ExpressionAttributeValues: { ':minus': -1 } }),
    );
  },
  // the rating page's check-then-count on the same counter item (K9c) as the status page's guesses
  publicMisses: async (number, day) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: caseKeys.publicMiss(number, day), ConsistentRead: true }));
    return Number(r.Item?.n ?? 0);
  },
  addPublicMiss: async (number, day, expiresAt) => {
    const r = await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: caseKeys.publicMiss(number, day),
        UpdateExpression: 'ADD n :one SET expiresAt = :e',
        ExpressionAttributeValues: { ':one': 1, ':e': Math.floor(expiresAt.getTime() / 1000) },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(r.Attributes?.n);
  },
  commit: async (writes, audits) => {
    if (!writes.length && !audits.length) return;
    const items = writes.flatMap(toItems);
    const now = new Date();
    const parts: Part[] = [...items.map((i) => i.part), ...audits.map((): Part => 'audit')];
    const TransactItems = [...items.map((i) => i.item), ...audits.map((a) => auditPut(a, now))];
    try {
      const r = await dynamo().send(new TransactWriteCommand({ TransactItems: TransactItems as never, ReturnConsumedCapacity: 'TOTAL' }));
      for (const c of r.ConsumedCapacity ?? []) meter(c, 'write');
    } catch (e) {
      if (e instanceof TransactionCanceledException || (e as Error).name === 'TransactionCanceledException') {
        const mapped = conflictOf(parts, (e as TransactionCanceledException).CancellationReasons ?? []);
        if (mapped) throw mapped;
      }
      throw e;
    }
  },
});
