import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { conditionally } from '../db/dynamo-kit.ts';
import { outboxKeys } from '../db/keys.ts';
import type { OutboxTopic } from '../platform/outbox.ts';

/** How a consumer's attempt at an entry ended: its status, and what else it records (a provider's id, a receipt number). */
export interface ProgressSettlement {
  status: string;
  statusAt: string;
  /** Why it failed or was refused; absent clears an earlier reason. */
  reason?: string | undefined;
  /** One more attempt made (a retry). */
  attempted?: boolean | undefined;
  /** Attributes set beside the status (e.g. `providerId`, `ackId`), when present. */
  also?: Record<string, string | undefined>;
}

/**
 * A consumer's progress on its outbox entries, the same for every topic (notices, exchange): the
 * entry's item in the cases table carries `status`, the claim of the delivery under way, and what
 * the attempts gave. A claim makes copies of one queue message deliver once; a claim older than
 * `staleBefore` (a consumer that died mid-send) can be taken over. Every change is one conditional
 * UpdateItem, so the consumer's grant holds nothing else.
 */
export const outboxProgress = (topic: OutboxTopic, table: () => string, cfg: { openStatus: string; clearOnSettle?: readonly string[] }) => {
  const key = (subject: string, id: string) => outboxKeys.entry(topic, subject, id);

  const settlement = (s: ProgressSettlement) => {
    const names: Record<string, string> = { '#s': 'status', '#at': 'statusAt' };
    const values: Record<string, unknown> = { ':s': s.status, ':at': s.statusAt };
    const sets = ['#s = :s', '#at = :at'];
    const removes = ['claim', 'claimedAt', ...(cfg.clearOnSettle ?? [])];
    if (s.reason) {
      sets.push('reason = :r');
      values[':r'] = s.reason;
    } else removes.push('reason');
    Object.entries(s.also ?? {}).forEach(([name, value], i) => {
      if (value === undefined) return;
      names[`#a${i}`] = name;
      values[`:a${i}`] = value;
      sets.push(`#a${i} = :a${i}`);
    });
    if (s.attempted) {
      sets.push('attempts = if_not_exists(attempts, :zero) + :one');
      Object.assign(values, { ':zero': 0, ':one': 1 });
    }
    return { names, values, expr: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}` };
  };

  /** Settles the entry if `condition` still holds on it (`#s` names the status). */
  const settleWhere = (subject: string, id: string, s: ProgressSettlement, condition: string, conditionValues: Record<string, unknown>) => {
    const u = settlement(s);
    return conditionally(() =>
      dynamo().send(
        new UpdateCommand({
          TableName: table(),
          Key: key(subject, id),
          UpdateExpression: u.expr,
          ConditionExpression: condition,
          ExpressionAttributeNames: u.names,
          ExpressionAttributeValues: { ...u.values, ...conditionValues },
        }),
      ),
    );
  };

  return {
    key,
    /** Takes the entry for one delivery: it is open, or its claim is stale. False when another delivery has it or it is done. */
    claim: (subject: string, id: string, claim: string, at: string, staleBefore: string) =>
      conditionally(() =>
        dynamo().send(
          new UpdateCommand({
            TableName: table(),
            Key: key(subject, id),
            UpdateExpression: 'SET #s = :sending, claim = :c, claimedAt = :at',
            ConditionExpression: '#s = :open OR (#s = :sending AND claimedAt < :stale)',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':sending': 'sending', ':open': cfg.openStatus, ':c': claim, ':at': at, ':stale': staleBefore },
          }),
        ),
      ),
    /** Records how the delivery under `claim` ended; false when the claim is no longer held. */
    settle: (subject: string, id: string, claim: string, s: ProgressSettlement) => settleWhere(subject, id, s, 'claim = :claim', { ':claim': claim }),
    settleWhere,
  };
};
