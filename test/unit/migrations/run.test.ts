import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../shared/migrations/run.ts';
import { memoryMigrationStore } from '../../../shared/migrations/memory-migrations.ts';
import { catalogSearchFields } from '../../../shared/migrations/0001-catalog-search-fields.ts';
import { searchFieldsOf } from '../../../shared/catalog/search-fields.ts';
import type { Migration, StoredItem } from '../../../shared/migrations/migration.ts';
import { sampleItem } from '../catalog/fixtures.ts';

const caller = { command: 'migrate', operator: 'ops@host' };
const meta = { sourceIp: 'command', userAgent: 'npm run migrate' };
const clock = () => new Date('2026-11-23T02:00:00Z');
const input = { countyCode: '411521', dryRun: false };

/** A toy shape change: `phone` becomes `phones: [phone]`. */
const phones: Migration = {
  id: '0002-phones',
  table: 'directory',
  description: 'phone → phones',
  reads: ['phone'],
  up: (i) => (typeof i.phone === 'string' ? { set: { phones: [i.phone] }, remove: ['phone'] } : null),
};
/** Depends on 0002 having run: it reads `phones`. */
const primary: Migration = {
  id: '0003-primary-phone',
  table: 'directory',
  description: 'primary phone',
  reads: ['phones'],
  up: (i) => (Array.isArray(i.phones) && i.primaryPhone === undefined ? { set: { primaryPhone: i.phones[0] } } : null),
};
const office = (id: string, extra: Record<string, unknown>): StoredItem => ({ pk: `OFFICE#${id}`, sk: 'OFFICE', id, ...extra });

describe('runMigrations', () => {
  it('runs pending migrations in id order, each item once, and records each with an audit event', async () => {
    const store = memoryMigrationStore({
      directory: [office('a', { phone: '0376-1' }), office('b', { phone: '0376-2' }), office('c', { phones: ['0376-3'] })],
    });
    const r = await runMigrations({ store, clock, migrations: [primary, phones] }, caller, input, meta);
    expect(r.map((x) => [x.id, x.status, x.scanned, x.changed])).toEqual([
      ['0002-phones', 'applied', 3, 2],
      ['0003-primary-phone', 'applied', 3, 3],
    ]);
    expect(store.tables.get('directory')!.get('OFFICE#a|OFFICE')).toEqual(office('a', { phones: ['0376-1'], primaryPhone: '0376-1' }));
    expect(store.records.get('directory')!.map((x) => x.id)).toEqual(['0002-phones', '0003-primary-phone']);
    expect(store.audits.map((a) => [a.action, a.target?.id, a.actor])).toEqual([
      ['data.migrate', 'directory', { userId: 'command:migrate', username: 'migrate', officeId: '411521' }],
      ['data.migrate', 'directory', { userId: 'command:migrate', username: 'migrate', officeId: '411521' }],
    ]);
  });

  it('is idempotent: a second run skips recorded migrations and changes nothing', async () => {
    const store = memoryMigrationStore({ directory: [office('a', { phone: '1' })] });
    await runMigrations({ store, clock, migrations: [phones, primary] }, caller, input, meta);
    const before = structuredClone([...store.tables.get('directory')!.values()]);
    const again = await runMigrations({ store, clock, migrations: [phones, primary] }, caller, input, meta);
    expect(again.map((x) => x.status)).toEqual(['already-applied', 'already-applied']);
    expect([...store.tables.get('directory')!.values()]).toEqual(before);
    expect(store.audits).toHaveLength(2);
  });

  it('a dry run counts what would change and writes nothing', async () => {
    const store = memoryMigrationStore({ directory: [office('a', { phone: '1' }), office('b', {})] });
    const r = await runMigrations({ store, clock, migrations: [phones] }, caller, { ...input, dryRun: true }, meta);
    expect(r[0]).toMatchObject({ status: 'would-apply', scanned: 2, changed: 1 });
    expect(store.tables.get('directory')!.get('OFFICE#a|OFFICE')!.phone).toBe('1');
    expect(store.records.size).toBe(0);
  });

  it('never overwrites a concurrent change with a stale derivation: reads the item again and re-derives', async () => {
    const store = memoryMigrationStore({ directory: [office('a', { phone: 'old' })] });
    let changed = false;
    store.beforeUpdate = (t, key) => {
      if (changed) return;
      changed = true;
      store.tables.get(t)!.get(key)!.phone = 'new'; // a user edits the office meanwhile
    };
    const r = await runMigrations({ store, clock, migrations: [phones] }, caller, input, meta);
    expect(r[0]).toMatchObject({ changed: 1, retried: 1 });
    expect(store.tables.get('directory')!.get('OFFICE#a|OFFICE')).toEqual(office('a', { phones: ['new'] }));
  });

  it('skips an item deleted meanwhile, and runs only the tables asked for', async () => {
    const store = memoryMigrationStore({ directory: [office('a', { phone: '1' })] });
    store.beforeUpdate = (t, key) => void store.tables.get(t)!.delete(key);
    const r = await runMigrations({ store, clock, migrations: [phones, catalogSearchFields] }, caller, { ...input, tables: ['directory'] }, meta);
    expect(r.map((x) => x.id)).toEqual(['0002-phones']);
    expect(store.tables.get('directory')!.size).toBe(0);
  });
});

describe('0001-catalog-search-fields', () => {
  const item = sampleItem({ name: '居民身份证核发', keywords: ['身份证'] });
  it('derives missing or stale search fields and leaves current rows alone', () => {
    const fresh = searchFieldsOf(item);
    expect(catalogSearchFields.up({ pk: 'ITEM#T-001', sk: 'V#000001', item })).toEqual({ set: { search: fresh } });
    expect(catalogSearchFields.up({ pk: 'ITEM#T-001', sk: 'CURRENT', item, search: { ...fresh, kwPy: '' } })).toEqual({ set: { search: fresh } });
    expect(catalogSearchFields.up({ pk: 'ITEM#T-001', sk: 'CURRENT', item, search: fresh })).toBeNull();
    expect(catalogSearchFields.up({ pk: 'CATALOG', sk: 'ITEM#T-001', code: 'T-001', name: item.name })).toBeNull();
    expect(fresh.py).toBe('juminshenfenzhenghefa');
  });
});

describe('a migration that feeds a cache', () => {
  it('bumps the counter the cache watches once, only when it changed something', async () => {
    const item = sampleItem();
    const store = memoryMigrationStore({
      catalog: [
        { pk: 'CATALOG', sk: 'META', catalogVersion: 7 },
        { pk: 'ITEM#T-001', sk: 'CURRENT', item },
      ],
    });
    await runMigrations({ store, clock, migrations: [catalogSearchFields] }, caller, input, meta);
    expect(store.tables.get('catalog')!.get('CATALOG|META')!.catalogVersion).toBe(8);
    store.records.clear();
    await runMigrations({ store, clock, migrations: [catalogSearchFields] }, caller, input, meta);
    expect(store.tables.get('catalog')!.get('CATALOG|META')!.catalogVersion).toBe(8);
  });
});
