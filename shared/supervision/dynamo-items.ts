import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { supervisionKeys } from '../db/keys.ts';
import type { Alert } from './alert.ts';
import { awaitsSecondRed, type AccountabilityEntry, type Order } from './order.ts';
import type { TallyAdd } from './tallies.ts';
import type { Digest, TimelineNote } from './store.ts';

/** The DynamoDB shape of supervision's records: each item carries its own index attributes, derived here only. */
export const T = (): string => tableName('cases');

export const after = (iso: string): string => new Date(Date.parse(iso) + 1).toISOString();

export const alertItem = (a: Alert) => ({
  ...supervisionKeys.alert(a.id),
  ...supervisionKeys.alertByCounty(a.countyState, a.at, a.id),
  ...supervisionKeys.alertByOffice(a.officeId, a.officeState, a.at, a.id),
  ...supervisionKeys.alertByCase(a.caseId, a.at, a.id),
  ...a,
});

export const orderItem = (o: Order) => ({
  ...supervisionKeys.order(o.id),
  ...supervisionKeys.orderByState(o.state, o.issuedAt, o.id),
  ...supervisionKeys.orderByOffice(o.officeId, o.state, o.issuedAt, o.id),
  ...supervisionKeys.orderByCase(o.caseId, o.issuedAt, o.id),
  // sparse: an order awaiting its answer is due for a look the instant its deadline has passed
  ...(awaitsSecondRed(o) ? supervisionKeys.lookAt(o.id, after(o.deadlineAt)) : {}),
  ...o,
});

export const accountabilityItem = (e: AccountabilityEntry) => ({
  ...supervisionKeys.accountability(e.orderId),
  ...supervisionKeys.accountabilityIndex(e.at, e.orderId),
  ...e,
});

export const digestItem = (d: Digest) => ({ ...supervisionKeys.digest(d.audience, d.day), ...d });

/** A timeline line as the cases context reads its events (at, type, by, note). */
export const timelinePut = (n: TimelineNote) => ({
  Put: {
    TableName: T(),
    Item: { ...supervisionKeys.timeline(n.caseId, n.at, n.key), at: n.at, type: n.type, by: n.by, note: n.note },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export const tallyUpdate = (t: TallyAdd) => {
  const keys = Object.keys(t.add) as Array<keyof TallyAdd['add']>;
  return {
    Update: {
      TableName: T(),
      Key: supervisionKeys.tally(t.period, t.dim, t.key, t.shard),
      UpdateExpression: `ADD ${keys.map((_k, i) => `#k${i} :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(keys.map((k, i) => [`#k${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(keys.map((k, i) => [`:v${i}`, t.add[k]])),
    },
  };
};

/** A record without its key and index attributes. */
export const strip = <R>(item: Record<string, unknown>): R =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !/^(pk|sk|gsi\dpk|gsi\dsk)$/.test(k))) as R;

export const queryAll = async (input: Omit<QueryCommandInput, 'TableName'>): Promise<{ items: Record<string, unknown>[]; consumedRcu: number }> => {
  const items: Record<string, unknown>[] = [];
  let consumedRcu = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({ TableName: T(), ReturnConsumedCapacity: 'TOTAL', ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    consumedRcu += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return { items, consumedRcu };
};

export const encodeCursor = (key: Record<string, unknown> | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined);
export const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // a mangled cursor starts from the top
  }
};

export const isCancelled = (e: unknown): e is Error & { CancellationReasons?: Array<{ Code?: string }> } =>
  (e as Error)?.name === 'TransactionCanceledException';
