import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { tableName } from '../platform/env.ts';
import { outboxKeys, ratingKeys } from '../db/keys.ts';
import { cancellationReasons, cancelledParts, inTable, isCancelled, withoutKeys } from '../db/dynamo-kit.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { COUNTER_FIELDS, dimKey, zeroCounts, type CounterDim, type CounterRow } from './counters.ts';
import { OPEN_TASK_STATUSES, type Rating, type RectificationTask } from './model.ts';
import { RATING_CONFLICT } from './conflicts.ts';
import type { DisclosureDoc, EvaluatorPush, RatingStore, RatingWrite } from './ports.ts';

/** RatingStore on the county's ratings table (access patterns R1–R6 in shared/db/AccessPatterns.md). */
const T = (): string => tableName('ratings');

const strip = <R>(item: Record<string, unknown>): R => withoutKeys<R>(item, 'type');
const db = inTable(T);

const ratingItem = (r: Rating) => ({
  ...ratingKeys.rating(r.caseId),
  ...ratingKeys.byOfficeMonth(r.officeId, r.month, `${r.at}#${r.caseId}`),
  type: 'rating',
  ...r,
});
/** A task carries the open index while open or appealed, its office's month index once closed (sparse either way). */
const taskItem = (t: RectificationTask) => ({
  ...ratingKeys.task(t.caseId),
  ...(OPEN_TASK_STATUSES.includes(t.status)
    ? ratingKeys.openTaskIndex(t.officeId, t.ratedAt, t.caseId)
    : ratingKeys.closedTaskIndex(t.officeId, t.month, t.ratedAt, t.caseId)),
  type: 'task',
  ...t,
});

const dimAttrs = (d: CounterDim): Record<string, string> => {
  const { kind: _k, ...rest } = d;
  return { dimKind: d.kind, ...rest };
};

type Part = 'rating' | 'follow-up' | 'void' | 'put-task' | 'update-task' | 'count' | 'outbox' | 'other' | 'audit';

const toItems = (w: RatingWrite): Array<{ part: Part; item: Record<string, unknown> }> => {
  const TableName = T();
  switch (w.op) {
    case 'create-rating':
      return [{ part: 'rating', item: { Put: { TableName, Item: ratingItem(w.rating), ConditionExpression: 'attribute_not_exists(pk)' } } }];
    case 'follow-up':
      return [
        {
          part: 'follow-up',
          item: {
            Update: {
              TableName,
              Key: ratingKeys.rating(w.caseId),
              UpdateExpression: 'SET followUp = :f',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(followUp) AND attribute_not_exists(voided)',
              ExpressionAttributeValues: { ':f': w.followUp },
            },
          },
        },
      ];
    case 'void-rating':
      return [
        {
          part: 'void',
          item: {
            Update: {
              TableName,
              Key: ratingKeys.rating(w.caseId),
              UpdateExpression: 'SET voided = :v',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(voided)',
              ExpressionAttributeValues: { ':v': w.voided },
            },
          },
        },
      ];
    case 'put-task':
      return [{ part: 'put-task', item: { Put: { TableName, Item: taskItem(w.task), ConditionExpression: 'attribute_not_exists(pk)' } } }];
    case 'update-task':
      // a Put, so the index attributes follow the status (open → closed partition)
      return [
        {
          part: 'update-task',
          item: { Put: { TableName, Item: taskItem(w.task), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': w.expectedVersion } } },
        },
      ];
    case 'count':
      return w.dims.map((d) => {
        const fields = COUNTER_FIELDS.filter((f) => w.add[f]);
        const attrs = dimAttrs(d);
        const names: Record<string, string> = {
          ...Object.fromEntries(fields.map((f, i) => [`#f${i}`, f])),
          ...Object.fromEntries(Object.keys(attrs).map((a, i) => [`#a${i}`, a])),
        };
        const values: Record<string, unknown> = {
          ...Object.fromEntries(fields.map((f, i) => [`:f${i}`, w.add[f]])),
          ...Object.fromEntries(Object.values(attrs).map((v, i) => [`:a${i}`, v])),
        };
        const add = fields.map((_f, i) => `#f${i} :f${i}`).join(', ');
        const set = Object.keys(attrs)
          .map((_a, i) => `#a${i} = :a${i}`)
          .join(', ');
        return {
          part: 'count' as const,
          item: {
            Update: {
              TableName,
              Key: ratingKeys.counter(w.month, dimKey(d)),
              UpdateExpression: `${add ? `ADD ${add} ` : ''}SET ${set}`,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
        };
      });
    case 'push-evaluator':
      return [{ part: 'other', item: { Put: { TableName, Item: { ...ratingKeys.evaluator(w.push.windowId), type: 'evaluator', ...w.push } } } }];
    case 'put-disclosure':
      return [{ part: 'other', item: { Put: { TableName, Item: { ...ratingKeys.disclosure(w.doc.key), type: 'disclosure', ...w.doc } } } }];
    case 'outbox': {
      // the cases table's outbox (its stream relays it): the same item shape as a case change's entry
      const { progress, ...entry } = w.entry;
      const Item = { ...outboxKeys.entry(entry.topic, entry.subject, entry.id), ...progress, ...entry };
      return [{ part: 'outbox', item: { Put: { TableName: tableName('cases'), Item, ConditionExpression: 'attribute_not_exists(pk)' } } }];
    }
  }
};

const conflictOf = (parts: readonly Part[], reasons: ReadonlyArray<{ Code?: string | undefined }>): ConflictError | undefined => {
  const { failed, any } = cancelledParts(parts, reasons);
  // an outbox entry is the fact's own record (its id says which): written already = rated already
  if (failed('rating') || failed('outbox')) return new ConflictError(RATING_CONFLICT.exists, '该办件已评价过（一事一评），可追评一次');
  if (failed('follow-up')) return new ConflictError(RATING_CONFLICT.followUpTaken, '已追评过（每件只能追评一次），或该评价已撤销');
  if (failed('void')) return new ConflictError(RATING_CONFLICT.alreadyVoided, '该评价已撤销');
  if (failed('put-task') || failed('update-task')) return new ConflictError(RATING_CONFLICT.staleTask, '整改任务已被他人更新，请刷新后再操作');
  if (any('TransactionConflict')) return new ConflictError(RATING_CONFLICT.busy, '系统繁忙，请稍后重试');
  return undefined;
};

const queryAll = db.queryAll;
const get = (key: { pk: string; sk: string }) => db.get(key, true);

const counterRow = (item: Record<string, unknown>): CounterRow => {
  const counts = zeroCounts();
  for (const f of COUNTER_FIELDS) counts[f] = Number(item[f] ?? 0);
  const s = (k: string) => String(item[k] ?? '');
  switch (item.dimKind) {
    case 'office':
      return { kind: 'office', officeId: s('officeId'), counts };
    case 'item':
      return { kind: 'item', officeId: s('officeId'), itemCode: s('itemCode'), itemName: s('itemName'), counts };
    case 'staff':
      return { kind: 'staff', officeId: s('officeId'), staff: s('staff'), counts };
    default:
      return { kind: 'county', counts };
  }
};

export const dynamoRatingStore = (): RatingStore => ({
  rating: async (caseId) => {
    const item = await get(ratingKeys.rating(caseId));
    return item ? strip<Rating>(item) : undefined;
  },
  task: async (caseId) => {
    const item = await get(ratingKeys.task(caseId));
    return item ? strip<RectificationTask>(item) : undefined;
  },
  ratingsOfOffice: async (officeId, month, between) => {
    const k = ratingKeys.officeMonth(officeId, month);
    const items = await queryAll({
      IndexName: k.index,
      KeyConditionExpression: between ? 'gsi1pk = :p AND gsi1sk BETWEEN :a AND :b' : 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': k.pk, ...(between ? { ':a': between.from, ':b': `${between.to}\uffff` } : {}) },
    });
    return items.map((i) => strip<Rating>(i));
  },
  openTasks: async (officeId) => {
    const k = ratingKeys.openTasks();
    const items = await queryAll({
      IndexName: k.index,
      KeyConditionExpression: officeId ? 'gsi1pk = :p AND begins_with(gsi1sk, :o)' : 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': k.pk, ...(officeId ? { ':o': `${officeId}#` } : {}) },
    });
    // the index is by office: across offices, by rating time (then case) as the fake gives them
    return items.map((i) => strip<RectificationTask>(i)).sort((a, b) => a.ratedAt.localeCompare(b.ratedAt) || a.caseId.localeCompare(b.caseId));
  },
  closedTasks: async (officeId, month) => {
    const k = ratingKeys.closedTasks(officeId, month);
    const items = await queryAll({ IndexName: k.index, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.pk } });
    return items.map((i) => strip<RectificationTask>(i));
  },
  counters: async (month) => {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': ratingKeys.countersOf(month).pk },
      ConsistentRead: true,
    });
    return items.map(counterRow);
  },
  evaluator: async (windowId) => {
    const item = await get(ratingKeys.evaluator(windowId));
    return item ? strip<EvaluatorPush>(item) : undefined;
  },
  disclosure: async (key) => {
    const item = await db.get(ratingKeys.disclosure(key));
    return item ? strip<DisclosureDoc>(item) : undefined;
  },
  commit: async (writes, audits) => {
    if (!writes.length && !audits.length) return;
    const items = writes.flatMap(toItems);
    const now = new Date();
    const parts: Part[] = [...items.map((i) => i.part), ...audits.map((): Part => 'audit')];
    const TransactItems = [...items.map((i) => i.item), ...audits.map((a) => auditPut(a, now))];
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: TransactItems as never }));
    } catch (e) {
      if (isCancelled(e)) {
        const mapped = conflictOf(parts, cancellationReasons(e));
        if (mapped) throw mapped;
      }
      throw e;
    }
  },
});
