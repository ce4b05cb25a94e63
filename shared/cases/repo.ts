import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { caseKeys } from '../db/keys.ts';
import { RUNNING, type CaseRecord } from './model.ts';

/** The cases table: a case item carries its own index attributes, derived here and only here. */
const T = () => tableName('cases');

/** Capacity consumed by this module's calls (read by `npm run bench`; costs nothing to keep). */
export const capacityMeter = { read: 0, write: 0 };
const meter = (c: { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number } | undefined, kind: 'read' | 'write') => {
  if (c) capacityMeter[kind] += c.CapacityUnits ?? 0;
};

export const indexAttributes = (c: CaseRecord): Record<string, string> => {
  const at = c.acceptedAt ?? c.createdAt;
  return {
    ...caseKeys.byNumber(c.number),
    ...caseKeys.byOfficeStatus(c.handedTo ?? c.officeId, c.status, at, c.id),
    // sparse: only while the promise runs
    ...(RUNNING.includes(c.status) && c.dueAt ? caseKeys.openByDue(c.id, c.dueAt) : {}),
  };
};

export const caseItem = (c: CaseRecord, applicantHash?: string) => ({
  ...caseKeys.case(c.id),
  ...indexAttributes(c),
  ...(applicantHash ? caseKeys.byApplicant(applicantHash, c.createdAt) : {}),
  ...c,
});

export interface TimelineEvent {
  at: string;
  type: string;
  by: string;
  note?: string;
}

export const eventPut = (id: string, e: TimelineEvent, seq = 0) => ({
  Put: { TableName: T(), Item: { ...caseKeys.event(id, e.at, seq), ...e }, ConditionExpression: 'attribute_not_exists(pk)' },
});

export const statsUpdate = (officeId: string, day: string, add: Partial<Record<'taken' | 'decidedOnTime' | 'decidedLate' | 'immediateSameDay', number>>) => {
  const keys = Object.keys(add);
  return {
    Update: {
      TableName: T(),
      Key: caseKeys.dailyStats(officeId, day.replaceAll('-', '')),
      UpdateExpression: `ADD ${keys.map((k, i) => `#k${i} :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(keys.map((k, i) => [`#k${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(keys.map((k, i) => [`:v${i}`, add[k as keyof typeof add]])),
    },
  };
};

/**
 * Replaces the case if its version is still the one the clerk saw: two clerks can't both act.
 * Index attributes that no longer apply (e.g. leaving the open set) are removed by the Put.
 */
export const casePutIfVersion = (next: CaseRecord, expectedVersion: number, applicantHash?: string) => ({
  Put: {
    TableName: T(),
    Item: caseItem(next, applicantHash),
    ConditionExpression: 'version = :v',
    ExpressionAttributeValues: { ':v': expectedVersion },
  },
});

export const casesRepo = {
  /** The case without its key attributes (they are derived again on every write). */
  async get(id: string): Promise<{ record: CaseRecord; applicantHash?: string } | undefined> {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: caseKeys.case(id), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
    meter(r.ConsumedCapacity, 'read');
    if (!r.Item) return undefined;
    const record = Object.fromEntries(Object.entries(r.Item).filter(([k]) => !/^(pk|sk|gsi\dpk|gsi\dsk)$/.test(k))) as unknown as CaseRecord;
    const hash = typeof r.Item.gsi5pk === 'string' ? r.Item.gsi5pk.replace(/^APPL#/, '') : undefined;
    return { record, ...(hash ? { applicantHash: hash } : {}) };
  },
  async byNumber(number: string): Promise<CaseRecord | undefined> {
    const k = caseKeys.byNumber(number);
    const r = await dynamo().send(
      new QueryCommand({ TableName: T(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.gsi1pk }, Limit: 1 }),
    );
    return r.Items?.[0] as CaseRecord | undefined; // read-only use: index attributes are harmless
  },
  async events(id: string): Promise<TimelineEvent[]> {
    const k = caseKeys.eventsOf(id);
    const r = await dynamo().send(
      new QueryCommand({ TableName: T(), KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix } }),
    );
    return (r.Items ?? []).map(({ at, type, by, note }) => ({ at, type, by, ...(note ? { note } : {}) }) as TimelineEvent);
  },
  async ofOffice(officeId: string, status: string, limit = 100): Promise<CaseRecord[]> {
    const k = caseKeys.officeStatus(officeId, status);
    const r = await dynamo().send(
      new QueryCommand({ TableName: T(), IndexName: k.index, KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': k.pk }, ScanIndexForward: false, Limit: limit }),
    );
    return (r.Items ?? []) as CaseRecord[];
  },
  /** Next number of the day: one atomic counter update. */
  async nextSequence(county: string, day: string): Promise<number> {
    const r = await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: caseKeys.sequence(county, day),
        UpdateExpression: 'ADD n :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    meter(r.ConsumedCapacity, 'write');
    return Number(r.Attributes?.n);
  },
  async idempotency(key: string): Promise<{ caseId: string; bodyHash: string } | undefined> {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: caseKeys.idempotency(key), ConsistentRead: true }));
    return r.Item as { caseId: string; bodyHash: string } | undefined;
  },
  async transact(items: unknown[]) {
    const r = await dynamo().send(new TransactWriteCommand({ TransactItems: items as never, ReturnConsumedCapacity: 'TOTAL' }));
    for (const c of r.ConsumedCapacity ?? []) meter(c, 'write');
    return r;
  },
};
