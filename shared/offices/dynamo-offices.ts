import { tableName } from '../platform/env.ts';
import { keptFor } from '../platform/runtime-config.ts';
import { directoryKeys } from '../db/keys.ts';
import { queryAll } from '../db/dynamo-kit.ts';
import type { NetworkOffice } from './offices.ts';
import type { OfficeDirectory } from './ports.ts';

/** Offices change a few times a year: the tree is read once (D1) and kept this long per container. */
const KEEP_MS = 5 * 60_000;

export const dynamoOffices = (): OfficeDirectory => {
  const kept = keptFor<readonly NetworkOffice[]>(KEEP_MS);
  const load = async (): Promise<readonly NetworkOffice[]> => {
    const k = directoryKeys.allOffices();
    const rows = await queryAll({
      TableName: tableName('directory'),
      IndexName: k.index,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': k.pk },
    });
    // frozen: every caller in the container shares the kept tree, none may change it for the others
    return Object.freeze(
      rows.map((i) =>
        Object.freeze({
          id: i.id as string,
          name: i.name as string,
          kind: i.kind as NetworkOffice['kind'],
          parentId: (i.parentId as string | null | undefined) ?? null,
        }),
      ),
    );
  };
  return { all: () => kept.get(load) };
};
