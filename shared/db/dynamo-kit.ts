import {
  GetCommand,
  QueryCommand,
  ScanCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  type ScanCommandInput,
  type ScanCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/**
 * The one DynamoDB toolkit every adapter uses: paging, cursors, key stripping and reading
 * conditional-check failures. Capacity metering is client middleware (shared/aws/dynamo-meter.ts),
 * so it sees every call without the adapters taking part.
 */
export type Item = Record<string, unknown>;
type Query = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** Every page of a query (or scan), in order; the caller may stop early. */
export async function* queryPages(input: QueryCommandInput): AsyncGenerator<QueryCommandOutput> {
  let start: Item | undefined = input.ExclusiveStartKey;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
    yield page;
    start = page.LastEvaluatedKey;
  } while (start);
}
export async function* scanPages(input: ScanCommandInput): AsyncGenerator<ScanCommandOutput> {
  let start: Item | undefined = input.ExclusiveStartKey;
  do {
    const page = await dynamo().send(new ScanCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
    yield page;
    start = page.LastEvaluatedKey;
  } while (start);
}

/** All items of a query, with the read capacity it consumed (a scan reports what it cost). */
export const queryAllCounted = async (input: QueryCommandInput): Promise<{ items: Item[]; consumedRcu: number }> => {
  const items: Item[] = [];
  let consumedRcu = 0;
  for await (const page of queryPages({ ReturnConsumedCapacity: 'TOTAL', ...input })) {
    consumedRcu += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items.push(...((page.Items ?? []) as Item[]));
  }
  return { items, consumedRcu };
};
export const queryAll = async (input: QueryCommandInput): Promise<Item[]> => {
  const items: Item[] = [];
  for await (const page of queryPages(input)) items.push(...((page.Items ?? []) as Item[]));
  return items;
};

/** At most `max` items of a query, page by page (each page ≤ 1 MB; `max` bounds the loop). */
export const queryAtMost = async (input: QueryCommandInput, max: number): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Item | undefined = input.ExclusiveStartKey;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, Limit: max - items.length, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start && items.length < max);
  return items;
};

export { decodeCursor, encodeCursor };

/** One page of a query from a client's cursor: the items and the cursor of the next page (if any). */
export const queryPage = async (input: QueryCommandInput, page: { cursor?: string | undefined; limit?: number | undefined }, defaultLimit: number) => {
  const start = decodeCursor(page.cursor);
  const r = await dynamo().send(new QueryCommand({ ...input, Limit: page.limit ?? defaultLimit, ...(start ? { ExclusiveStartKey: start } : {}) }));
  const cursor = encodeCursor(r.LastEvaluatedKey);
  return { items: (r.Items ?? []) as Item[], ...(cursor ? { cursor } : {}) };
};

/** One index partition a merged page reads: its index, partition key attribute and value, sort key attribute. */
export interface MergedSource {
  index: string;
  pkAttr: string;
  skAttr: string;
  pk: string;
}

/**
 * One page, newest first, across a few index partitions (e.g. an inbox's unread and acked): each is
 * read from where the cursor left it, the rows merged by sort key, and the cursor remembers each
 * partition's place (null once it is read to the end).
 */
export const mergedQueryPage = async (
  TableName: string,
  sources: readonly MergedSource[],
  filter: { expr: string; values: Item } | undefined,
  limit: number,
  cursor: string | undefined,
): Promise<{ rows: Item[]; next?: string }> => {
  // a place is compact (the table key and the sort value; the partition is the source's own), so a
  // cursor over many partitions stays short
  type Place = { pk: unknown; sk: unknown; s: unknown } | null | undefined;
  const places = (decodeCursor(cursor) ?? {}) as Record<string, Place>;
  const placeOf = (row: Item, s: MergedSource): Place => ({ pk: row.pk, sk: row.sk, s: row[s.skAttr] });
  const reads = await Promise.all(
    sources.map(async (s, i) => {
      const place = places[i];
      if (place === null) return { rows: [] as Item[], last: undefined };
      const start = place ? { pk: place.pk, sk: place.sk, [s.pkAttr]: s.pk, [s.skAttr]: place.s } : undefined;
      const r = await dynamo().send(
        new QueryCommand({
          TableName,
          IndexName: s.index,
          KeyConditionExpression: `${s.pkAttr} = :pk`,
          ...(filter ? { FilterExpression: filter.expr } : {}),
          ExpressionAttributeValues: { ':pk': s.pk, ...filter?.values },
          ScanIndexForward: false,
          Limit: limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      return { rows: (r.Items ?? []) as Item[], last: r.LastEvaluatedKey as Item | undefined };
    }),
  );
  const merged = reads.flatMap((r, i) => r.rows.map((row) => ({ row, i, sk: String(row[sources[i]!.skAttr]) }))).sort((a, b) => b.sk.localeCompare(a.sk));
  const taken = merged.slice(0, limit);
  const next: Record<number, Place> = {};
  sources.forEach((s, i) => {
    const mine = taken.filter((t) => t.i === i);
    const last = reads[i]!.last;
    if (places[i] === null) next[i] = null;
    else if (mine.length === reads[i]!.rows.length) next[i] = last ? placeOf(last, s) : null;
    else if (mine.length) next[i] = placeOf(mine.at(-1)!.row, s);
    else next[i] = places[i];
  });
  const more = Object.values(next).some((v) => v !== null);
  return { rows: taken.map((t) => t.row), ...(more ? { next: encodeCursor(next)! } : {}) };
};

const KEY_ATTRIBUTE = /^(pk|sk|gsi\d+pk|gsi\d+sk)$/;
/** The record without its key and index attributes (and any `also` bookkeeping attributes such as `type`, `expiresAt`). */
export const withoutKeys = <R>(item: Item, ...also: string[]): R =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTE.test(k) && !also.includes(k))) as R;

/** A single write's condition did not hold. */
export const isConditionFailed = (e: unknown): boolean => (e as Error | undefined)?.name === 'ConditionalCheckFailedException';
/** Runs a conditional write: true when it was written, false (not an error) when its condition did not hold. */
export const conditionally = async (write: () => Promise<unknown>): Promise<boolean> => {
  try {
    await write();
    return true;
  } catch (e) {
    if (isConditionFailed(e)) return false;
    throw e;
  }
};

/** A transaction was cancelled; its reasons say which item (by position) failed and why. */
export const isCancelled = (e: unknown): e is Error & { CancellationReasons?: Array<{ Code?: string | undefined }> } =>
  (e as Error | undefined)?.name === 'TransactionCanceledException';
export const cancellationReasons = (e: unknown): ReadonlyArray<{ Code?: string | undefined }> => (isCancelled(e) ? (e.CancellationReasons ?? []) : []);

/** Which items of a cancelled transaction failed their condition, by position (false for any other error). */
export const conditionFailedAt = (e: unknown, index: number): boolean => cancellationReasons(e)[index]?.Code === 'ConditionalCheckFailed';
export const anyConditionFailed = (e: unknown): boolean => cancellationReasons(e).some((r) => r.Code === 'ConditionalCheckFailed');
/** The position of the first item of a cancelled transaction that failed its condition (-1: none). */
export const firstConditionFailed = (e: unknown): number => cancellationReasons(e).findIndex((r) => r.Code === 'ConditionalCheckFailed');
/** Met another transaction on the same item (worth trying again), as an error or as a cancellation reason. */
export const isTransactionConflict = (e: unknown): boolean =>
  (e as Error | undefined)?.name === 'TransactionConflictException' || cancellationReasons(e).some((r) => r.Code === 'TransactionConflict');

/**
 * Reads a cancelled transaction's reasons against what each item stood for: `failed(part)` is true
 * when an item of that part failed its condition; `any(code)` when any item failed with `code`.
 */
export const cancelledParts = <P extends string>(parts: readonly P[], reasons: ReadonlyArray<{ Code?: string | undefined }>) => ({
  failed: (part: P): boolean => reasons.some((r, i) => parts[i] === part && r.Code === 'ConditionalCheckFailed'),
  any: (...codes: string[]): boolean => reasons.some((r) => codes.includes(r.Code ?? '')),
  /** Some item failed its condition or met another transaction: nothing named, the caller may try again. */
  contended: (): boolean => reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict'),
});

/** The table-bound forms adapters use: `const { queryAll, get } = inTable(T)`. */
export const inTable = (table: () => string) => ({
  queryAll: (input: Query) => queryAll({ TableName: table(), ...input }),
  queryAllCounted: (input: Query) => queryAllCounted({ TableName: table(), ...input }),
  queryAtMost: (input: Query, max: number) => queryAtMost({ TableName: table(), ...input }, max),
  queryPage: (input: Query, page: { cursor?: string | undefined; limit?: number | undefined }, defaultLimit: number) =>
    queryPage({ TableName: table(), ...input }, page, defaultLimit),
  get: async (key: Item, consistent = false): Promise<Item | undefined> =>
    (await dynamo().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: consistent }))).Item,
});

/** An Update that ADDs each number to its attribute (counters, tallies), creating the item if need be. */
export const addNumbers = (TableName: string, Key: Item, add: Readonly<Record<string, number | undefined>>) => {
  const names = Object.keys(add).filter((k) => add[k] !== undefined);
  return {
    TableName,
    Key,
    UpdateExpression: `ADD ${names.map((_k, i) => `#k${i} :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(names.map((k, i) => [`#k${i}`, k])),
    ExpressionAttributeValues: Object.fromEntries(names.map((k, i) => [`:v${i}`, add[k]])),
  };
};

/** A whole-record Update (SET every attribute but the key) conditional on `version`, keeping attributes it does not name. */
export const updateWhole = (TableName: string, Key: Record<string, string>, item: Item, expectedVersion: number) => {
  const entries = Object.entries(item).filter(([k, v]) => !(k in Key) && v !== undefined);
  return {
    TableName,
    Key,
    UpdateExpression: `SET ${entries.map((_e, i) => `#a${i} = :a${i}`).join(', ')}`,
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { ...Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])), '#version': 'version' },
    ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, v], i) => [`:a${i}`, v])), ':expected': expectedVersion },
  };
};
