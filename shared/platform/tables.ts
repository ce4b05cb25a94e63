/**
 * The tables of one county, as data. The CDK stack (infra/) and the local platform (local/)
 * both create tables from this list, so local and deployed tables cannot drift apart.
 * Every table has string keys `pk`/`sk`; secondary indexes are generic (`gsiNpk`/`gsiNsk`)
 * so one table can serve several access patterns (see shared/db/AccessPatterns.md).
 */
export type TableId = 'catalog' | 'cases' | 'ratings' | 'directory' | 'audit' | 'hall';

export interface IndexDef {
  readonly name: string;
  /** Attribute names; both strings. */
  readonly pk: string;
  readonly sk: string;
  /**
   * What the index carries besides the keys (default: every attribute). Every item written is
   * written again into each index it appears in, at the size of what is projected: an index whose
   * query reads only keys (and then gets the items) or a few attributes costs a fraction of ALL.
   * Each query of the index must read only what is projected (the adapters' follow-up Gets).
   */
  readonly projection?: { readonly type: 'KEYS_ONLY' } | { readonly type: 'INCLUDE'; readonly attributes: readonly string[] };
}

export interface TableDef {
  readonly id: TableId;
  /** Environment variable that carries the physical table name into functions. */
  readonly envVar: string;
  readonly indexes: readonly IndexDef[];
  /** Epoch-seconds attribute after which DynamoDB may delete the item. */
  readonly ttlAttribute?: string;
  readonly stream?: 'NEW_AND_OLD_IMAGES';
}

const gsi = (n: number, projection?: IndexDef['projection']): IndexDef => ({
  name: `gsi${n}`,
  pk: `gsi${n}pk`,
  sk: `gsi${n}sk`,
  ...(projection ? { projection } : {}),
});

export const TABLES: readonly TableDef[] = [
  // item versions; gsi1 = the published catalog of the county; TTL: the not-found counters (C7)
  { id: 'catalog', envVar: 'TABLE_CATALOG', indexes: [gsi(1)], ttlAttribute: 'expiresAt' },
  // cases, timeline, counters, sequences, idempotency records;
  // gsi1 number, gsi2 office+status, gsi3 open promised cases by due (sparse, sharded),
  // gsi4 village agent, gsi5 applicant hash. All project ALL for now: measured (npm run bench,
  // idle cost), keys only on gsi1/gsi2/gsi5 and the overdue scan's attributes on gsi3, with the
  // adapter getting the cases behind the entries, cut a case from 121 to 71 WRU — to be done when
  // every query of these indexes (cases, network, supervision adapters) reads through such a Get.
  {
    id: 'cases',
    envVar: 'TABLE_CASES',
    indexes: [gsi(1), gsi(2), gsi(3), gsi(4), gsi(5)],
    ttlAttribute: 'expiresAt',
    stream: 'NEW_AND_OLD_IMAGES',
  },
  // one rating per case; gsi1 = office by month
  { id: 'ratings', envVar: 'TABLE_RATINGS', indexes: [gsi(1)], stream: 'NEW_AND_OLD_IMAGES' },
  // offices, staff, sessions, login throttles, calendar years; gsi1 = users by office / by name
  { id: 'directory', envVar: 'TABLE_DIRECTORY', indexes: [gsi(1)], ttlAttribute: 'expiresAt' },
  // append-only audit events; gsi1 = by actor, gsi2 = by target. TTL ≥ 365 days (county config).
  // Its stream feeds the locked archive copy (functions/streams/audit-archive.ts).
  { id: 'audit', envVar: 'TABLE_AUDIT', indexes: [gsi(1), gsi(2)], ttlAttribute: 'expiresAt', stream: 'NEW_AND_OLD_IMAGES' },
  // the hall (预约, 取号/叫号): slot counters, appointments, tickets, seats, times, public counters;
  // gsi1 = waiting tickets by lane and appointments by phone hash, gsi2 = the day's calls and appointments by office
  { id: 'hall', envVar: 'TABLE_HALL', indexes: [gsi(1), gsi(2)], ttlAttribute: 'expiresAt' },
];

export const tableDef = (id: TableId): TableDef => {
  const def = TABLES.find((t) => t.id === id);
  if (!def) throw new Error(`unknown table ${id}`);
  return def;
};
