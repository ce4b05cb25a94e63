import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreTable, restoredName, type RestoreApi, type TableState } from '../../../scripts/lib/restore.ts';
import { setRestoredTable } from '../../../scripts/lib/county-config-file.ts';
import { parseCountyConfig } from '../../../infra/config/county-config.ts';
import { countyTableName } from '../../../infra/config/operations.ts';
import { tableDef } from '../../../shared/platform/tables.ts';
import { ROOT } from '../../../local/modules.ts';

interface FakeTable extends TableState {
  pitr: boolean;
  ttl?: string;
  tags: Record<string, string>;
  /** Describes left before a CREATING/UPDATING table turns ACTIVE. */
  busy: number;
}

/** DynamoDB as a restore meets it: the new table starts CREATING and carries none of the source's settings. */
const fakeDynamo = (window = { earliest: new Date('2026-11-01T00:00:00Z'), latest: new Date('2026-11-23T10:00:00Z') }) => {
  const tables = new Map<string, FakeTable>([
    [
      'bianmin-411521-cases',
      {
        status: 'ACTIVE',
        kmsKeyArn: 'arn:aws-cn:kms:cn-north-1:111122223333:key/data',
        deletionProtection: true,
        streamEnabled: true,
        pitr: true,
        ttl: 'expiresAt',
        tags: { county: '411521' },
        busy: 0,
      },
    ],
  ]);
  const calls: string[] = [];
  const restores: Array<{ source: string; target: string; at: Date | 'latest'; kmsKeyArn?: string | undefined }> = [];
  const update = (name: string, f: (t: FakeTable) => void) => {
    const t = tables.get(name)!;
    f(t);
    t.status = 'UPDATING';
    t.busy = 1;
  };
  const api: RestoreApi = {
    describe: async (name) => {
      const t = tables.get(name);
      if (!t) return undefined;
      if (t.busy > 0 && --t.busy === 0) t.status = 'ACTIVE';
      return { ...t };
    },
    window: async (name) => (tables.get(name)?.pitr ? window : undefined),
    restore: async (input) => {
      calls.push('restore');
      restores.push(input);
      tables.set(input.target, {
        status: 'CREATING',
        kmsKeyArn: input.kmsKeyArn,
        deletionProtection: false,
        streamEnabled: false,
        pitr: false,
        tags: {},
        busy: 3,
      });
    },
    enablePitr: async (name) => void (calls.push('pitr'), (tables.get(name)!.pitr = true)),
    protect: async (name) => void (calls.push('protect'), update(name, (t) => (t.deletionProtection = true))),
    enableStream: async (name) => void (calls.push('stream'), update(name, (t) => (t.streamEnabled = true))),
    enableTtl: async (name, a) => void (calls.push('ttl'), (tables.get(name)!.ttl = a)),
    tag: async (name, tags) => void (calls.push('tag'), Object.assign(tables.get(name)!.tags, tags)),
    sleep: async () => undefined,
  };
  return { api, tables, calls, restores };
};

const plan = (at: Date | 'latest', id: 'cases' | 'ratings' = 'cases') => ({
  countyCode: '411521',
  def: tableDef(id),
  source: `bianmin-411521-${id}`,
  at,
  now: new Date('2026-11-23T11:00:00Z'),
});

describe('restoreTable', () => {
  it('restores to a new table named for the restore point and sets again what a restore drops', async () => {
    const { api, tables, calls, restores } = fakeDynamo();
    const lines: string[] = [];
    const r = await restoreTable(api, plan(new Date('2026-11-20T08:00:00+08:00')), (l) => lines.push(l), 0);
    expect(r.target).toBe('bianmin-411521-cases-r202611200800');
    expect(restores[0]).toMatchObject({
      source: 'bianmin-411521-cases',
      at: new Date('2026-11-20T00:00:00Z'),
      kmsKeyArn: 'arn:aws-cn:kms:cn-north-1:111122223333:key/data',
    });
    expect(tables.get(r.target)).toMatchObject({ status: 'ACTIVE', pitr: true, deletionProtection: true, streamEnabled: true, ttl: 'expiresAt' });
    expect(tables.get(r.target)!.tags).toMatchObject({ project: 'bianmin', county: '411521', 'restored-from': 'bianmin-411521-cases' });
    expect(calls).toEqual(['restore', 'pitr', 'protect', 'ttl', 'stream', 'tag']);
    expect(tables.get('bianmin-411521-cases')!.status).toBe('ACTIVE'); // the old table is left as it was
    expect(lines.join('\n')).toMatch(/2026-11-20 08:00（北京时间）/);
  });

  it('sets only what the table definition has (ratings: a stream, no TTL), and --latest names the latest restorable minute', async () => {
    const { api, tables, restores, calls } = fakeDynamo();
    tables.set('bianmin-411521-ratings', { ...tables.get('bianmin-411521-cases')!, ttl: undefined });
    const r = await restoreTable(api, plan('latest', 'ratings'), () => undefined, 0);
    expect(r.target).toBe('bianmin-411521-ratings-r202611231800');
    expect(restores[0]!.at).toBe('latest');
    expect(calls).not.toContain('ttl');
    expect(tables.get(r.target)).toMatchObject({ streamEnabled: true, pitr: true, deletionProtection: true });
  });

  it('refuses a time outside the restorable window, a table without PITR or missing, and a restore point done before', async () => {
    const { api, tables } = fakeDynamo();
    await expect(restoreTable(api, plan(new Date('2026-10-01T00:00:00Z')), () => undefined, 0)).rejects.toThrow(
      /不在可恢复范围内：2026-11-01 08:00 至 2026-11-23 18:00/,
    );
    await expect(restoreTable(api, { ...plan('latest'), source: 'bianmin-411521-nope' }, () => undefined, 0)).rejects.toThrow(/不存在/);
    tables.get('bianmin-411521-cases')!.pitr = false;
    await expect(restoreTable(api, plan('latest'), () => undefined, 0)).rejects.toThrow(/未开启时间点恢复/);
    tables.get('bianmin-411521-cases')!.pitr = true;
    tables.set(restoredName('411521', 'cases', new Date('2026-11-20T00:00:00Z')), { ...tables.get('bianmin-411521-cases')! });
    await expect(restoreTable(api, plan(new Date('2026-11-20T00:00:00Z')), () => undefined, 0)).rejects.toThrow(/已存在/);
  });
});

describe('the county config after a restore', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bm-counties-'));
    copyFileSync(join(ROOT, 'infra/counties/411521.json'), join(dir, '411521.json'));
    return dir;
  };

  it('points the table at the restored one and stays a valid config', () => {
    const dir = copy();
    setRestoredTable('411521', 'cases', 'bianmin-411521-cases-r202611200800', dir);
    const config = parseCountyConfig(JSON.parse(readFileSync(join(dir, '411521.json'), 'utf8')));
    expect(countyTableName(config, 'cases')).toBe('bianmin-411521-cases-r202611200800');
    expect(countyTableName(config, 'catalog')).toBe('bianmin-411521-catalog');
  });

  it('refuses a name of another county or table, and the stack table itself', () => {
    const dir = copy();
    const before = readFileSync(join(dir, '411521.json'), 'utf8');
    expect(() => setRestoredTable('411521', 'cases', 'bianmin-640502-cases-r202611200800', dir)).toThrow(
      /restoredTables\.cases: 恢复的表名须以 bianmin-411521-cases 开头/,
    );
    expect(() => setRestoredTable('411521', 'cases', 'bianmin-411521-cases', dir)).toThrow(/不能与原表同名/);
    expect(readFileSync(join(dir, '411521.json'), 'utf8')).toBe(before);
  });
});
