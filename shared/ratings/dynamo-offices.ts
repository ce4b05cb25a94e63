import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { tableName } from '../platform/env.ts';
import { configGeneration } from '../platform/runtime-config.ts';
import { directoryKeys } from '../db/keys.ts';
import type { OfficeNames } from './offices.ts';

/** The county's offices (D1, directory.gsi1 `OFFICES`), names only, cached for a few minutes per container. */
const TTL_MS = 5 * 60_000;

export const dynamoOfficeNames = (): OfficeNames => {
  let cached: { at: number; generation: number; names: Map<string, string> } | undefined;
  return {
    names: async () => {
      if (cached && Date.now() - cached.at < TTL_MS && cached.generation === configGeneration()) return cached.names;
      const k = directoryKeys.allOffices();
      const names = new Map<string, string>();
      let start: Record<string, unknown> | undefined;
      do {
        const page = await dynamo().send(
          new QueryCommand({
            TableName: tableName('directory'),
            IndexName: k.index,
            KeyConditionExpression: 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': k.pk },
            ProjectionExpression: 'id, #n',
            ExpressionAttributeNames: { '#n': 'name' },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const o of page.Items ?? []) names.set(String(o.id), String(o.name));
        start = page.LastEvaluatedKey;
      } while (start);
      cached = { at: Date.now(), generation: configGeneration(), names };
      return names;
    },
  };
};
