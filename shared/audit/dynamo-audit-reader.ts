import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../platform/env.ts';
import { auditKeys } from '../db/keys.ts';
import { queryPages, withoutKeys } from '../db/dynamo-kit.ts';
import type { AuditEvent } from './audit.ts';
import type { AuditFilters, AuditReader, AuditSlice } from './ports.ts';

/** AuditReader on the audit table: A1 month partitions, A2 gsi1 by actor, A3 gsi2 by target. */
export const auditEventOf = (item: Record<string, unknown>): AuditEvent => withoutKeys<AuditEvent>(item, 'expiresAt');

/** Pages newest first until `limit` events are in hand; a filter may leave pages empty. */
const collect = async (input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'ScanIndexForward'>, limit: number): Promise<AuditSlice> => {
  const events: AuditEvent[] = [];
  for await (const page of queryPages({ TableName: tableName('audit'), ...input, ScanIndexForward: false })) {
    const items = page.Items ?? [];
    for (let i = 0; i < items.length; i++) {
      if (events.length === limit) return { events, more: true };
      events.push(auditEventOf(items[i]!));
    }
    // a full hand with more pages to read: there may be more (unknown until read), say so
    if (events.length === limit && page.LastEvaluatedKey) return { events, more: true };
  }
  return { events, more: false };
};

const filterParts = (f: AuditFilters) => {
  const exprs: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  if (f.actor) {
    exprs.push('(actor.username = :actor OR actor.displayName = :actor OR actor.anonymous = :actor)');
    values[':actor'] = f.actor;
  }
  if (f.action) {
    exprs.push('begins_with(#action, :action)');
    values[':action'] = f.action;
    names['#action'] = 'action';
  }
  if (f.target) {
    exprs.push('target.id = :target');
    values[':target'] = f.target;
  }
  if (f.result) {
    exprs.push('#result = :result');
    values[':result'] = f.result;
    names['#result'] = 'result';
  }
  return { exprs, values, names };
};

export const dynamoAuditReader = (): AuditReader => ({
  month: (month, range, filters, limit) => {
    const f = filterParts(filters);
    return collect(
      {
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        // sk = `<at>#<id>`: the upper bound takes every event of the last instant
        ExpressionAttributeValues: { ...f.values, ':pk': auditKeys.month(month).pk, ':from': range.from, ':to': `${range.to}#\uffff` },
        ...(Object.keys(f.names).length ? { ExpressionAttributeNames: f.names } : {}),
        ...(f.exprs.length ? { FilterExpression: f.exprs.join(' AND ') } : {}),
      },
      limit,
    );
  },
  byTarget: (target, limit) => {
    const k = auditKeys.byTarget(target.type, target.id, '');
    return collect({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': k.gsi2pk } }, limit);
  },
  byActor: (actorId, limit) => {
    const k = auditKeys.byActor(actorId, '');
    return collect({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.gsi1pk } }, limit);
  },
});
