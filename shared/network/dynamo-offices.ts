import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { keptFor } from '../platform/runtime-config.ts';
import { directoryKeys } from '../db/keys.ts';
import type { NetworkOffice, OfficeDirectory } from './offices.ts';

/** Offices change a few times a year: the tree is read once (D1) and kept this long per container. */
const KEEP_MS = 5 * 60_000;

export const dynamoOffices = (): OfficeDirectory => {
  const kept = keptFor<NetworkOffice[]>(KEEP_MS);
  const load = async (): Promise<NetworkOffice[]> => {
    const k = directoryKeys.allOffices();
    const out: NetworkOffice[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await dynamo().send(
        new QueryCommand({
          TableName: tableName('directory'),
          IndexName: k.index,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': k.pk },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const i of r.Items ?? [])
        out.push({
          id: i.id as string,
          name: i.name as string,
          kind: i.kind as NetworkOffice['kind'],
          parentId: (i.parentId as string | null | undefined) ?? null,
        });
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  };
  return { all: () => kept.get(load) };
};
