import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { supervisionKeys } from '../db/keys.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import type { Alert, OutboxRef } from './alert.ts';
import { ORDER_STATE_LABELS, type AccountabilityEntry, type Order, type OrderState } from './order.ts';
import type { AlertStore, OrderStore } from './ports.ts';
import { orderItem, queryAll, T, tallyUpdate, timelinePut } from './dynamo-items.ts';
import { conditionFailedAt, isCancelled, isConditionFailed, mergedQueryPage, queryPages, withoutKeys, type MergedSource } from '../db/dynamo-kit.ts';

/** The inbox (S3, S4) and 督办 (S6, S7) on the cases table. */
const gsi = (index: string, pk: string): MergedSource => ({ index, pkAttr: `${index}pk`, skAttr: `${index}sk`, pk });

const ORDER_STATES = Object.keys(ORDER_STATE_LABELS) as OrderState[];

const commitOrder = async (
  item: Record<string, unknown>,
  condition: { expr: string; values?: Record<string, unknown> },
  extra: Parameters<OrderStore['issueOrder']>[1],
) => {
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: T(),
            Item: item,
            ConditionExpression: condition.expr,
            ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
          },
        },
        ...extra.events.map(timelinePut),
        ...extra.tallies.map(tallyUpdate),
        ...extra.audits.map((a) => auditPut(a, new Date())),
      ] as never,
    }),
  );
};

export const dynamoAlertStore = (): AlertStore & OrderStore => ({
  alerts: async (q) => {
    const states = q.state ? [q.state] : (['unread', 'acked'] as const);
    const sources = q.caseId
      ? [gsi('gsi4', supervisionKeys.alertsOfCase(q.caseId).pk)]
      : states.map((st) =>
          q.side === 'county' ? gsi('gsi1', supervisionKeys.alertsOfCounty(st).pk) : gsi('gsi2', supervisionKeys.alertsOfOffice(q.officeId!, st).pk),
        );
    const conds: string[] = [];
    const values: Record<string, unknown> = {};
    const where = (cond: string, name: string, value: unknown) => {
      conds.push(cond);
      values[name] = value;
    };
    if (q.card) where('card = :card', ':card', q.card);
    if (q.officeId && (q.side === 'county' || q.caseId)) where('officeId = :office', ':office', q.officeId);
    if (q.caseId && q.state) where(`${q.side === 'county' ? 'countyState' : 'officeState'} = :state`, ':state', q.state);
    const page = await mergedQueryPage(T(), sources, conds.length ? { expr: conds.join(' AND '), values } : undefined, q.limit, q.cursor);
    return { alerts: page.rows.map((r) => withoutKeys<Alert>(r)), ...(page.next ? { next: page.next } : {}) };
  },
  alert: async (id) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: supervisionKeys.alert(id), ConsistentRead: true }));
    return r.Item ? withoutKeys<Alert>(r.Item) : undefined;
  },
  ackAlert: async (id, side, ack, audit) => {
    const a = await dynamoAlertStore().alert(id);
    if (!a) return false;
    const field = side === 'county' ? 'countyState' : 'officeState';
    const index = side === 'county' ? supervisionKeys.alertByCounty('acked', a.at, a.id) : supervisionKeys.alertByOffice(a.officeId, 'acked', a.at, a.id);
    const [pkAttr, pkValue] = Object.entries(index)[0]!;
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: T(),
                Key: supervisionKeys.alert(id),
                UpdateExpression: `SET #state = :acked, acks.#side = :ack, ${pkAttr} = :pk`,
                ConditionExpression: '#state = :unread',
                ExpressionAttributeNames: { '#state': field, '#side': side },
                ExpressionAttributeValues: { ':acked': 'acked', ':unread': 'unread', ':ack': ack, ':pk': pkValue },
              },
            },
            auditPut(audit, new Date()),
          ] as never,
        }),
      );
      return true;
    } catch (e) {
      if (isCancelled(e)) return false;
      throw e;
    }
  },
  unreadCount: async (side, officeId, cap) => {
    const k = side === 'county' ? supervisionKeys.alertsOfCounty('unread') : supervisionKeys.alertsOfOffice(officeId!, 'unread');
    const filter = side === 'county' && officeId;
    // a Limit counts the items read, not those the filter keeps: with a filter, page on until `cap`
    let count = 0;
    for await (const page of queryPages({
      TableName: T(),
      IndexName: k.index,
      KeyConditionExpression: `${k.index}pk = :p`,
      ...(filter ? { FilterExpression: 'officeId = :o' } : { Limit: cap }),
      ExpressionAttributeValues: { ':p': k.pk, ...(filter ? { ':o': officeId } : {}) },
      Select: 'COUNT',
    })) {
      count += page.Count ?? 0;
      if (count >= cap || !filter) break;
    }
    return Math.min(cap, count);
  },
  markDelivered: async (ref: OutboxRef, channel, at) => {
    const Key = ref.type === 'alert' ? supervisionKeys.alert(ref.id) : supervisionKeys.digest(ref.audience, ref.day);
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: T(),
          Key,
          UpdateExpression: 'SET deliveries.#c = if_not_exists(deliveries.#c, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#c': channel },
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (e) {
      // the record is not there (the condition keeps the update from creating a stub): nothing to mark
      if (!isConditionFailed(e)) throw e;
    }
  },

  issueOrder: async (o, extra) => commitOrder(orderItem(o), { expr: 'attribute_not_exists(pk)' }, extra),
  updateOrder: async (next, expectRev, extra) => {
    try {
      await commitOrder(orderItem({ ...next, rev: expectRev + 1 }), { expr: 'rev = :r', values: { ':r': expectRev } }, extra);
      return true;
    } catch (e) {
      if (conditionFailedAt(e, 0)) return false;
      throw e;
    }
  },
  order: async (id) => {
    const r = await dynamo().send(new GetCommand({ TableName: T(), Key: supervisionKeys.order(id), ConsistentRead: true }));
    return r.Item ? withoutKeys<Order>(r.Item) : undefined;
  },
  orders: async (q) => {
    const states = q.state ? [q.state] : ORDER_STATES;
    const reads = q.caseId
      ? [queryAll({ IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :p', ExpressionAttributeValues: { ':p': supervisionKeys.ordersOfCase(q.caseId).pk } })]
      : states.map((st) => {
          const k = q.officeId ? supervisionKeys.ordersOfOffice(q.officeId, st) : supervisionKeys.ordersInState(st);
          return queryAll({ IndexName: k.index, KeyConditionExpression: `${k.index}pk = :p`, ExpressionAttributeValues: { ':p': k.pk } });
        });
    const rows = (await Promise.all(reads)).flatMap((r) => r.items.map((i) => withoutKeys<Order>(i)));
    return rows
      .filter((o) => (!q.state || o.state === q.state) && (!q.officeId || o.officeId === q.officeId))
      .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  },
  accountability: async (officeId) => {
    const k = supervisionKeys.accountabilityAll();
    const { items } = await queryAll({
      IndexName: k.index,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': k.pk },
      ScanIndexForward: false,
    });
    return items.map((i) => withoutKeys<AccountabilityEntry>(i)).filter((e) => !officeId || e.officeId === officeId);
  },
});
