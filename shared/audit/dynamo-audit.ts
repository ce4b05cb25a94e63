import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { tableName } from '../platform/env.ts';
import { auditKeys } from '../db/keys.ts';
import { redactText } from '../privacy/mask.ts';
import type { AuditInput } from './audit.ts';
import type { AuditLog } from './ports.ts';
import { actorIdOf } from './filters.ts';

/** The audit table adapter: events are put once under a fresh key and never changed. */
const retentionSeconds = (): number => Number(process.env.AUDIT_RETENTION_DAYS ?? 1095) * 86_400;

/** The item to put, for use inside a TransactWrite beside the mutation it records. */
export const auditPut = (input: AuditInput, now = new Date()) => {
  const at = now.toISOString();
  const id = randomUUID();
  return {
    Put: {
      TableName: tableName('audit'),
      Item: {
        ...auditKeys.event(at, id),
        ...auditKeys.byActor(actorIdOf(input.actor), at),
        ...(input.target ? auditKeys.byTarget(input.target.type, input.target.id, at) : {}),
        ...input,
        detail: input.detail ? redactText(input.detail) : undefined,
        id,
        at,
        expiresAt: Math.floor(now.getTime() / 1000) + retentionSeconds(),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
};

export const writeAudit = async (input: AuditInput, now = new Date()): Promise<void> => {
  await dynamo().send(new PutCommand(auditPut(input, now).Put));
};

export const dynamoAuditLog = (): AuditLog => ({ write: (event) => writeAudit(event) });
