import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { caseKeys, findKeys, networkKeys, OPEN_SHARDS } from '../db/keys.ts';
import { cancellationReasons, inTable, isCancelled, mergedQueryPage, withoutKeys, type Item } from '../db/dynamo-kit.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { INBOX_KINDS, type InboxKind } from './hop-labels.ts';
import { type Commission, type InboxEntry } from './hops.ts';
import { CASE_STATUSES, type CaseRecord } from './model.ts';
import type { CaseStore, TimelineEvent } from './ports.ts';
import { conflictOf, T, toItems, type Part } from './dynamo-case-items.ts';
import { dynamoCaseCounters } from './dynamo-case-counters.ts';

/** CaseStore on the county's cases table (access patterns K1–K10 in shared/db/AccessPatterns.md); the items it writes: dynamo-case-items.ts. */
const db = inTable(T);
const record = (item: Item): CaseRecord => withoutKeys<CaseRecord>(item);

const timelineEvent = ({ at, type, by, byName, note, fromOfficeId, toOfficeId }: Item) =>
  ({
    at,
    type,
    by,
    ...(byName ? { byName } : {}),
    ...(note ? { note } : {}),
    ...(fromOfficeId ? { fromOfficeId } : {}),
    ...(toOfficeId ? { toOfficeId } : {}),
  }) as TimelineEvent;

/** One page across every status list of an office, newest first (each list read from where the cursor left it). */
const allOfOffice: CaseStore['allOfOffice'] = async (officeId, page = {}) => {
  const sources = CASE_STATUSES.map((status) => ({ index: 'gsi2', pkAttr: 'gsi2pk', skAttr: 'gsi2sk', pk: caseKeys.officeStatus(officeId, status).pk }));
  const r = await mergedQueryPage(T(), sources, undefined, page.limit ?? 100, page.cursor);
  return { cases: r.rows.map(record), ...(r.next ? { cursor: r.next } : {}) };
};

const findCases: CaseStore['findCases'] = async (by, limit = 20) => {
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
};

const commit: CaseStore['commit'] = async (writes, audits) => {
  if (!writes.length && !audits.length) return;
  const items = writes.flatMap(toItems);
  const now = new Date();
  const parts: Part[] = [...items.map((i) => i.part), ...audits.map((): Part => 'audit')];
  const TransactItems = [...items.map((i) => i.item), ...audits.map((a) => auditPut(a, now))];
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: TransactItems as never, ReturnConsumedCapacity: 'INDEXES' }));
  } catch (e) {
    const mapped = isCancelled(e) ? conflictOf(parts, cancellationReasons(e)) : undefined;
    throw mapped ?? e;
  }
};

export const dynamoCaseStore = (): CaseStore => ({
  get: async (id) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: caseKeys.case(id), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
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
    const rows = await db.queryAll({ KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix } });
    return rows.map(timelineEvent);
  },
  ofOffice: async (officeId, status, page = {}) => {
    const k = caseKeys.officeStatus(officeId, status);
    const r = await db.queryPage(
      { IndexName: k.index, KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': k.pk }, ScanIndexForward: false },
      page,
      100,
    );
    return { cases: r.items.map(record), ...(r.cursor ? { cursor: r.cursor } : {}) };
  },
  allOfOffice,
  openDueBy: async (officeId, horizon) => {
    const out: CaseRecord[] = [];
    for (let shard = 0; shard < OPEN_SHARDS; shard++) {
      const k = caseKeys.openShard(shard);
      const rows = await db.queryAll({
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
    const r = await db.queryPage(
      { KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix }, ScanIndexForward: false },
      page,
      50,
    );
    return { entries: r.items.map((i) => withoutKeys<InboxEntry>(i)), ...(r.cursor ? { cursor: r.cursor } : {}) };
  },
  inboxCounts: async (officeId) => {
    // keys only: an inbox holds what waits today, a few dozen entries at most
    const k = networkKeys.inboxOf(officeId);
    const rows = await db.queryAll({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': k.pk }, ProjectionExpression: 'sk' });
    const counts = Object.fromEntries(INBOX_KINDS.map((x) => [x, 0])) as Record<InboxKind, number>;
    for (const row of rows) {
      const kind = String(row.sk).split('#')[0] as InboxKind;
      if (kind in counts) counts[kind] += 1;
    }
    return counts;
  },
  findCases,
  commission: async (id) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: networkKeys.commission(id), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
    if (!r.Item) return undefined;
    const { applicantHash, ...rest } = r.Item;
    return { commission: withoutKeys<Commission>(rest), ...(typeof applicantHash === 'string' ? { applicantHash } : {}) };
  },
  commissionsOfAgent: async (agentId, page = {}) => {
    const k = networkKeys.commissionsOfAgent(agentId);
    const r = await db.queryPage(
      { IndexName: k.index, KeyConditionExpression: 'gsi4pk = :p', ExpressionAttributeValues: { ':p': k.pk }, ScanIndexForward: false },
      page,
      50,
    );
    return { commissions: r.items.map((i) => withoutKeys<Commission>(i, 'applicantHash')), ...(r.cursor ? { cursor: r.cursor } : {}) };
  },
  ...dynamoCaseCounters(),
  commit,
});
