import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../../shared/aws/clients.ts';
import { searchFieldsOf } from '../../../shared/catalog/search-fields.ts';
import type { Item } from '../../../shared/catalog/item.ts';
import { ROOT } from '../../../local/modules.ts';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { runCommand, runtimeFileFor } from '../../support/run-command.ts';

/**
 * Upgrading a county whose catalog holds rows of an earlier shape: DynamoDB Local is loaded with
 * them, the release's migration runs through `npm run migrate -- --local`, and the public search
 * works on them afterwards. The seeded rows (already in the current shape) are not touched.
 */
const fixture = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/migrations/catalog-before-0001.json'), 'utf8')) as { rows: Array<Record<string, any>> };

describe('npm run migrate -- --local, on data of the previous shape', () => {
  let stack: TestStack;
  let runtime: string;
  const table = () => stack.env.TABLE_CATALOG!;
  const row = async (pk: string, sk: string) => (await dynamo().send(new GetCommand({ TableName: table(), Key: { pk, sk } }))).Item!;

  beforeAll(async () => {
    process.env.CATALOG_INDEX_CHECK_SECONDS = '0'; // every search looks at the catalog version
    stack = await startTestStack({ seed: true });
    runtime = runtimeFileFor(stack);
    await dynamo().send(new BatchWriteCommand({ RequestItems: { [table()]: fixture.rows.map((Item) => ({ PutRequest: { Item } })) } }));
  });
  afterAll(async () => {
    delete process.env.CATALOG_INDEX_CHECK_SECONDS;
    await stack.stop();
  });

  const migrate = (...args: string[]) => runCommand('migrate.ts', ['--local', '--runtime', runtime, ...args]);

  it('before: a row without search fields breaks pinyin search for everyone', async () => {
    expect((await stack.fetch('/api/items?q=dsznfmgrz')).status).toBe(500);
  });

  it('a dry run reports the rows it would change and writes nothing', async () => {
    const r = await migrate('--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0001-catalog-search-fields\s+catalog\s+待执行（试运行）\s+\d+\s+4\s+0/);
    expect((await row('ITEM#OLD-001', 'CURRENT')).search).toBeUndefined();
  });

  it('migrates exactly the old rows, records it in the table and audits it', async () => {
    const seededBefore = await row('ITEM#LS-01-002', 'CURRENT');
    const versionBefore = Number((await row('CATALOG', 'META')).catalogVersion);
    const r = await migrate();
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/0001-catalog-search-fields\s+catalog\s+已执行\s+\d+\s+4\s+0/);

    for (const f of fixture.rows.filter((x) => x.pk.startsWith('ITEM#'))) {
      const now = await row(f.pk, f.sk);
      expect(now.search).toEqual(searchFieldsOf(f.item as Item));
      expect({ ...now, search: undefined }).toEqual({ ...f, search: undefined }); // nothing else changed
    }
    expect(await row('ITEM#LS-01-002', 'CURRENT')).toEqual(seededBefore);
    expect(Number((await row('CATALOG', 'META')).catalogVersion)).toBe(versionBefore + 1);
    expect(await row('MIGRATION', '0001-catalog-search-fields')).toMatchObject({ changed: 4, by: expect.stringContaining('@') });
    const audit = await dynamo().send(
      new QueryCommand({
        TableName: stack.env.TABLE_AUDIT!,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :a',
        ExpressionAttributeValues: { ':a': 'ACTOR#command:migrate' },
      }),
    );
    expect(audit.Items!.map((i) => [i.action, i.target.id])).toEqual([['data.migrate', 'catalog']]);
  });

  it('after: the public search finds the old items by pinyin and by keyword pinyin', async () => {
    const byName = (await (await stack.fetch('/api/items?q=dsznfmgrz')).json()) as { items: Array<{ code: string }> };
    expect(byName.items.map((i) => i.code)).toContain('OLD-001');
    const byKeyword = (await (await stack.fetch('/api/items?q=erhai')).json()) as { items: Array<{ code: string }> };
    expect(byKeyword.items.map((i) => i.code)).toContain('OLD-002');
  });

  it('running it again changes nothing', async () => {
    const before = await row('ITEM#OLD-001', 'V#000001');
    const r = await migrate();
    expect(r.stdout).toMatch(/0001-catalog-search-fields\s+catalog\s+此前已执行/);
    expect(await row('ITEM#OLD-001', 'V#000001')).toEqual(before);
  });
});
