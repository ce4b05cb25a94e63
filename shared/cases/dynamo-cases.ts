import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { caseKeys, findKeys, networkKeys, OPEN_SHARDS, outboxKeys, supervisionKeys } from '../db/keys.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { INBOX_KINDS, type Commission, type InboxEntry, type InboxKind } from '../network/model.ts';
import { CASE_STATUSES, RUNNING, type CaseRecord } from './model.ts';
import { holderOf } from './access.ts';
import { CASE_CONFLICT, staleVersion, type CaseStore, type CaseWrite, type TimelineEvent } from './store.ts';

/** CaseStore on the county's cases table (access patterns K1–K10 in shared/db/AccessPatterns.md). */
const T = (): string => tableName('cases');

/**
 * Capacity consumed by this adapter's calls (read by `npm run bench`; costs nothing to keep), in
 * total and, for writes, per table and index (`cases`, `cases.gsi2`, `audit.gsi1`…).
 */
export const capacityMeter = { read: 0, write: 0, writeBy: {} as Record<string, number> };
interface Consumed {
  TableName?: string;
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}
const meter = (c: Consumed | undefined, kind: 'read' | 'write') => {
  if (!c) return;
  capacityMeter[kind] += c.CapacityUnits ?? 0;
  if (kind !== 'write') return;
  // the table's logical id (the last part of its physical name: bianmin-<county>-cases → cases)
  const table = (c.TableName ?? '?').split('-').pop()!;
  const add = (key: string, n: number | undefined) => n && (capacityMeter.writeBy[key] = (capacityMeter.writeBy[key] ?? 0) + n);
  add(table, c.Table?.CapacityUnits);
  for (const [index, v] of Object.entries(c.GlobalSecondaryIndexes ?? {})) add(`${table}.${index}`, v.CapacityUnits);
};

const compact = (day: string): string => day.replaceAll('-', '');

/** A case item carries its own index attributes, derived here and only here on every write. */
export const caseItem = (c: CaseRecord, applicantHash?: string) => ({
  ...caseKeys.case(c.id),
  ...caseKeys.byNumber(c.number),
  ...caseKeys.byOfficeStatus(holderOf(c), c.status, c.acceptedAt ?? c.createdAt, c.id),
  // sparse: only while the promise runs
  ...(RUNNING.includes(c.status) && c.dueAt ? caseKeys.openByDue(c.id, c.dueAt) : {}),
  ...(applicantHash ? caseKeys.byApplicant(applicantHash, c.createdAt) : {}),
  ...c,
});

/** The record without its key and index attributes (they are derived again on every write). */
const record = (item: Record<string, unknown>): CaseRecord =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !/^(pk|sk|gsi\dpk|gsi\dsk)$/.test(k))) as unknown as CaseRecord;
const plain = <T>(item: Record<string, unknown>): T => record(item) as unknown as T;

/** A commission item: K6 (gsi4, the agent's list) and its applicant hash beside the record. */
const commissionItem = (c: Commission, applicantHash?: string) => ({
  ...networkKeys.commission(c.id),
  gsi4pk: networkKeys.commissionsOfAgent(c.agentId).pk,
  gsi4sk: `${c.createdAt}#${c.id}`,
  ...(applicantHash ? { applicantHash } : {}),
  ...c,
});

/** An inbox entry; while it waits it is also in the pending-by-due index (gsi3 PHASE#…). */
const inboxItem = (e: InboxEntry) => ({
  ...networkKeys.inboxEntry(e.officeId, e.kind, e.sentAt, e.refId),
  ...networkKeys.pendingByDue(e.refId, e.dueAt),
  ...e,
});

/** Each transaction item, with what it stands for (to read the cancellation reasons back). */
type Part =
  'case' | 'idempotency' | 'update' | 'event' | 'count' | 'hop-event' | 'inbox' | 'commission-new' | 'commission' | 'find' | 'watch' | 'outbox' | 'audit';

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
              Item: {
                ...caseKeys.idempotency(w.idempotency.key),
                caseId: w.case.id,
                bodyHash: w.idempotency.bodyHash,
                expiresAt: Math.floor(w.idempotency.expiresAt.getTime() / 1000),
              },
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
          item: {
            Put: {
              TableName,
              Item: caseItem(w.case, w.applicantHash),
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':v': w.expectedVersion },
            },
          },
        },
      ];
    case 'event':
      return [
        {
          part: 'event',
          item: {
            Put: { TableName, Item: { ...caseKeys.event(w.caseId, w.event.at, w.version), ...w.event }, ConditionExpression: 'attribute_not_exists(pk)' },
          },
        },
      ];
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
    case 'hop-event':
      return [
        {
          part: 'hop-event',
          item: {
            Put: { TableName, Item: { ...caseKeys.forwardEvent(w.caseId, w.event.at, w.hopId), ...w.event }, ConditionExpression: 'attribute_not_exists(pk)' },
          },
        },
      ];
    case 'inbox-put':
      return [{ part: 'inbox', item: { Put: { TableName, Item: inboxItem(w.entry) } } }];
    case 'inbox-delete':
      return [{ part: 'inbox', item: { Delete: { TableName, Key: networkKeys.inboxEntry(w.entry.officeId, w.entry.kind, w.entry.sentAt, w.entry.refId) } } }];
    case 'find':
      return [{ part: 'find', item: { Put: { TableName, Item: { ...findKeys.entry(w.hash, w.at, w.caseId), caseId: w.caseId } } } }];
    case 'commission':
      return w.expectedVersion === undefined
        ? [
            {
              part: 'commission-new',
              item: { Put: { TableName, Item: commissionItem(w.commission, w.applicantHash), ConditionExpression: 'attribute_not_exists(pk)' } },
            },
          ]
        : [
            {
              part: 'commission',
              item: {
                // the applicant hash stays as it was written
                Update: updateOf(networkKeys.commission(w.commission.id), commissionItem(w.commission, w.applicantHash), w.expectedVersion),
              },
            },
          ];
    case 'outbox':
      // the stream relays it to its topic's queue (INSERT only): written once, with the change
      return [
        {
          part: 'outbox',
          item: {
            Put: {
              TableName,
              Item: {
                ...outboxKeys.entry(w.entry.topic, w.entry.subject, w.entry.id),
                ...w.entry.progress,
                topic: w.entry.topic,
                subject: w.entry.subject,
                id: w.entry.id,
                at: w.entry.at,
                payload: w.entry.payload,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ];
    case 'watch':
      // the snapshot and its look-at; the cards given (supervision's own fields) stay as they are
      return [
        {
          part: 'watch',
          item: {
            Update: {
              TableName,
              Key: supervisionKeys.watch(w.caseId),
              UpdateExpression:
                'SET caseId = :id, #case = :snap, caseVersion = :v, lookAt = :at, gsi3pk = :p, gsi3sk = :s, #rev = if_not_exists(#rev, :zero), #given = if_not_exists(#given, :empty), #counted = if_not_exists(#counted, :empty), #level = if_not_exists(#level, :none)',
              ExpressionAttributeNames: { '#case': 'case', '#rev': 'rev', '#given': 'given', '#counted': 'counted', '#level': 'level' },
              ExpressionAttributeValues: {
                ':id': w.caseId,
                ':snap': w.snapshot,
                ':v': w.caseVersion,
                ':at': w.at,
                ':p': supervisionKeys.lookAt(w.caseId, w.at).gsi3pk,
                ':s': supervisionKeys.lookAt(w.caseId, w.at).gsi3sk,
                ':zero': 0,
                ':empty': {},
                ':none': 'none',
              },
            },
          },
        },
      ];
  }
};

/** A whole-record Update (SET every attribute) conditional on the version, keeping attributes it does not name. */
const updateOf = (Key: Record<string, string>, item: Record<string, unknown>, expectedVersion: number) => {
  const entries = Object.entries(item).filter(([k, v]) => !(k in Key) && v !== undefined);
  return {
    TableName: T(),
    Key,
    UpdateExpression: `SET ${entries.map((_e, i) => `#a${i} = :a${i}`).join(', ')}`,
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { ...Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])), '#version': 'version' },
    ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, v], i) => [`:a${i}`, v])), ':expected': expectedVersion },
  };
};

/** Reads DynamoDB's cancellation reasons back into the domain's conflicts. */
const conflictOf = (parts: readonly Part[], reasons: ReadonlyArray<{ Code?: string | undefined }>): Error | undefined => {
  const failed = (part: Part) => reasons.some((r, i) => parts[i] === part && r.Code === 'ConditionalCheckFailed');
  if (failed('update') || failed('commission')) return staleVersion();
  if (failed('idempotency')) return new ConflictError(CASE_CONFLICT.keyTaken, '该受理请求编号已使用');
  if (failed('hop-event')) return new ConflictError(CASE_CONFLICT.alreadyApplied, '该转报已处理');
  if (failed('outbox')) return new ConflictError(CASE_CONFLICT.outboxTaken, '该办件的这项后续处理已登记，请刷新后再操作');
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
    return rows.map(
      ({ at, type, by, byName, note, fromOfficeId, toOfficeId }) =>
        ({
          at,
          type,
          by,
          ...(byName ? { byName } : {}),
          ...(note ? { note } : {}),
          ...(fromOfficeId ? { fromOfficeId } : {}),
          ...(toOfficeId ? { toOfficeId } : {}),
        }) as TimelineEvent,
    );
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
  allOfOffice: async (officeId, page = {}) => {
    // one page: the first `limit` of each status list below the cursor (a plain sort key), merged newest first
    const limit = page.limit ?? 100;
    const before = page.cursor ? Buffer.from(page.cursor, 'base64url').toString('utf8') : undefined;
    const lists = await Promise.all(
      CASE_STATUSES.map(async (status) => {
        const k = caseKeys.officeStatus(officeId, status);
        const r = await dynamo().send(
          new QueryCommand({
            TableName: T(),
            IndexName: k.index,
            KeyConditionExpression: before ? 'gsi2pk = :p AND gsi2sk < :b' : 'gsi2pk = :p',
            ExpressionAttributeValues: { ':p': k.pk, ...(before ? { ':b': before } : {}) },
            ScanIndexForward: false,
            Limit: limit + 1,
          }),
        );
        return (r.Items ?? []) as Array<Record<string, unknown> & { gsi2sk: string }>;
      }),
    );
    const merged = lists.flat().sort((x, y) => (x.gsi2sk < y.gsi2sk ? 1 : -1));
    const shown = merged.slice(0, limit);
    return { cases: shown.map(record), ...(merged.length > limit ? { cursor: Buffer.from(shown.at(-1)!.gsi2sk).toString('base64url') } : {}) };
  },
  openDueBy: async (officeId, horizon) => {
    const out: CaseRecord[] = [];
    for (let shard = 0; shard < OPEN_SHARDS; shard++) {
      const k = caseKeys.openShard(shard);
      const rows = await queryAll({
        IndexName: k.index,
        KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :h',
        ...(officeId ? { FilterExpression: 'officeId = :o OR handedTo = :o' } : {}),
        ExpressionAttributeValues: { ':p': k.pk, ':h': `${horizon}#\uffff`, ...(officeId ? { ':o': officeId } : {}) },
      });
      out.push(...rows.map(record));
    }
    return out.sort((a, b) => a.dueAt!.localeCompare(b.dueAt!));
  },
  inbox: async (officeId, kind, page = {}) => {
    const k = networkKeys.inboxOf(officeId, kind);
    const start = decodeCursor(page.cursor);
    const r = await dynamo().send(
      new QueryCommand({
        TableName: T(),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
        ScanIndexForward: false,
        Limit: page.limit ?? 50,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const cursor = encodeCursor(r.LastEvaluatedKey);
    return { entries: (r.Items ?? []).map((i) => plain<InboxEntry>(i)), ...(cursor ? { cursor } : {}) };
  },
  inboxCounts: async (officeId) => {
    // keys only: an inbox holds what waits today, a few dozen entries at most
    const k = networkKeys.inboxOf(officeId);
    const rows = await queryAll({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': k.pk }, ProjectionExpression: 'sk' });
    const counts = Object.fromEntries(INBOX_KINDS.map((x) => [x, 0])) as Record<InboxKind, number>;
    for (const row of rows) {
      const kind = String(row.sk).split('#')[0] as InboxKind;
      if (kind in counts) counts[kind] += 1;
    }
    return counts;
  },
  findCases: async (by, limit = 20) => {
    if ('applicantHash' in by) {
      // K7: the index holds the whole case (projection ALL)
      const k = findKeys.applicant(by.applicantHash);
      const r = await dynamo().send(
        new QueryCommand({
          TableName: T(),
          IndexName: k.index,
          KeyConditionExpression: 'gsi5pk = :p',
          ExpressionAttributeValues: { ':p': k.pk },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (r.Items ?? []).map(record);
    }
    const r = await dynamo().send(
      new QueryCommand({
        TableName: T(),
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': findKeys.of(by.findHash).pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    const ids = [...new Set((r.Items ?? []).map((i) => i.caseId as string))];
    if (!ids.length) return [];
    const got = await dynamo().send(new BatchGetCommand({ RequestItems: { [T()]: { Keys: ids.map((id) => caseKeys.case(id)) } } }));
    const byId = new Map((got.Responses?.[T()] ?? []).map((i) => [i.id as string, record(i)]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  },
  commission: async (id) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: networkKeys.commission(id), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
    meter(r.ConsumedCapacity, 'read');
    if (!r.Item) return undefined;
    const { applicantHash, ...rest } = r.Item;
    return { commission: plain<Commission>(rest), ...(typeof applicantHash === 'string' ? { applicantHash } : {}) };
  },
  commissionsOfAgent: async (agentId, page = {}) => {
    const k = networkKeys.commissionsOfAgent(agentId);
    const start = decodeCursor(page.cursor);
    const r = await dynamo().send(
      new QueryCommand({
        TableName: T(),
        IndexName: k.index,
        KeyConditionExpression: 'gsi4pk = :p',
        ExpressionAttributeValues: { ':p': k.pk },
        ScanIndexForward: false,
        Limit: page.limit ?? 50,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const cursor = encodeCursor(r.LastEvaluatedKey);
    return {
      commissions: (r.Items ?? []).map(({ applicantHash: _h, ...rest }) => plain<Commission>(rest)),
      ...(cursor ? { cursor } : {}),
    };
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
        ReturnConsumedCapacity: 'INDEXES',
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
      new UpdateCommand({
        TableName: T(),
        Key: caseKeys.publicGuesses(number, day),
        UpdateExpression: 'ADD n :minus',
        ExpressionAttributeValues: { ':minus': -1 },
      }),
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
      const r = await dynamo().send(new TransactWriteCommand({ TransactItems: TransactItems as never, ReturnConsumedCapacity: 'INDEXES' }));
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
