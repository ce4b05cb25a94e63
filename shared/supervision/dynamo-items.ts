import { tableName } from '../platform/env.ts';
import { supervisionKeys } from '../db/keys.ts';
import { addNumbers, inTable } from '../db/dynamo-kit.ts';
import type { Alert } from './alert.ts';
import { awaitsSecondRed, type AccountabilityEntry, type Order } from './order.ts';
import type { TallyAdd } from './tallies.ts';
import type { Digest, TimelineNote } from './ports.ts';

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

export const tallyUpdate = (t: TallyAdd) => ({ Update: addNumbers(T(), supervisionKeys.tally(t.period, t.dim, t.key, t.shard), t.add) });

/** Supervision's reads of its table: every page, with the read capacity they consumed (the overdue scan reports it). */
export const { queryAllCounted: queryAll } = inTable(T);
