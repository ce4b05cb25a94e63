import { GetCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditInput } from '../audit/audit.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/dynamo-client.ts';
import { firstConditionFailed, isTransactionConflict, withoutKeys, type Item } from '../db/dynamo-kit.ts';
import { tableName } from '../platform/env.ts';
import { HALL_CONFLICT, HallStoreConflict, type HallConflict } from './conflicts.ts';

/**
 * The hall table as the hall's adapters share it (H1–H9 in shared/db/AccessPatterns.md): its name,
 * how long items are kept, metered reads and the transaction that names its refusal. Every call
 * asks for its consumed capacity: the client's meter (shared/aws/dynamo-meter.ts) gives
 * `npm run bench` its units per booking and per call.
 */
export const T = (): string => tableName('hall');
export const DAY_S = 86_400;
/** Appointments and tickets are kept 400 days (the no-show rule looks back at most 2 × 365). */
export const KEEP_S = 400 * DAY_S;
export const epoch = (iso: string, plus: number) => Math.floor(Date.parse(iso) / 1000) + plus;
export const METERED = { ReturnConsumedCapacity: 'TOTAL' } as const;

export const strip = <R>(item: Item): R => withoutKeys<R>(item, 'expiresAt');

export const compact = (d: string) => d.replaceAll('-', '');

/**
 * A transaction whose items are each bound to a refusal: a refused condition names its conflict;
 * a transaction that met another on the same item (two bookings of one slot at once) is tried again,
 * a bounded number of times, with a random pause — then BUSY.
 */
export const transact = async (items: Array<{ item: Record<string, unknown>; refusal: HallConflict }>, audits: readonly AuditInput[] = []): Promise<void> => {
  const TransactItems = [...items.map((i) => i.item), ...audits.map((a) => auditPut(a))];
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: TransactItems as never, ...METERED }));
      return;
    } catch (e) {
      // an audit item refused (its key taken) is no conflict of the hall's: BUSY
      const refused = firstConditionFailed(e);
      if (refused >= 0) throw new HallStoreConflict(items[refused]?.refusal ?? HALL_CONFLICT.BUSY);
      if (!isTransactionConflict(e)) throw e;
      await new Promise((res) => setTimeout(res, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
  throw new HallStoreConflict(HALL_CONFLICT.BUSY);
};

/** One bounded page (every read here has its Limit): the items without their keys. */
export const query = async <R>(input: Omit<QueryCommandInput, 'TableName'>): Promise<R[]> => {
  const r = await dynamo().send(new QueryCommand({ TableName: T(), ...input, ...METERED }));
  return (r.Items ?? []).map((i) => strip<R>(i));
};
/** A consistent read of one item, metered. */
export const getOne = async <R>(key: Item): Promise<R | undefined> => {
  const r = await dynamo().send(new GetCommand({ TableName: T(), Key: key, ConsistentRead: true, ...METERED }));
  return r.Item ? strip<R>(r.Item) : undefined;
};
