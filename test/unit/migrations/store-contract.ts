import { expect, it } from 'vitest';
import type { StoredItem } from '../../../shared/migrations/migration.ts';
import type { MigrationStore } from '../../../shared/migrations/ports.ts';

/** What the contract needs besides the store: writing and removing items under it (someone else's change). */
export interface MigrationStoreUnderTest {
  store: MigrationStore;
  put(item: StoredItem): Promise<void>;
  remove(key: { pk: string; sk: string }): Promise<void>;
}

/**
 * The MigrationStore contract, on the directory table: run on the memory fake (unit) and on
 * DynamoDB Local (integration). The table may hold other items: the contract looks at its own keys.
 */
export const migrationStoreContract = (make: () => Promise<MigrationStoreUnderTest>): void => {
  const T = 'directory' as const;
  const tag = () => `MIGTEST#${Math.random().toString(36).slice(2, 10)}`;
  const item = (pk: string, sk: string, extra: Record<string, unknown> = {}): StoredItem => ({ pk, sk, ...extra });
  const scanned = async (s: MigrationStore, pk: string) => {
    const out: StoredItem[] = [];
    for await (const page of s.scan(T)) out.push(...page.filter((i) => i.pk === pk));
    return out.sort((a, b) => a.sk.localeCompare(b.sk));
  };
  const record = (id: string) => ({ id, description: `contract ${id}`, appliedAt: '2026-11-23T02:00:00.000Z', scanned: 1, changed: 1, by: 'vitest' });
  const audit = [{ actor: { anonymous: 'contract' }, action: 'data.migrate' as const, result: 'success' as const, sourceIp: '', userAgent: 'vitest' }];

  it('scans every item once across its pages, keys and all; gets one item, or undefined', async () => {
    const u = await make();
    const pk = tag();
    const items = [1, 2, 3, 4, 5].map((n) => item(pk, `ITEM#${n}`, { n, list: [n, 'x'], nested: { a: n } }));
    for (const i of items) await u.put(i);
    expect(await scanned(u.store, pk)).toEqual(items);
    expect(await u.store.get(T, { pk, sk: 'ITEM#3' })).toEqual(items[2]);
    expect(await u.store.get(T, { pk, sk: 'ITEM#9' })).toBeUndefined();
  });

  it('updates when what the patch was derived from is unchanged (lists and maps compared whole); sets and removes only what the patch says', async () => {
    const u = await make();
    const pk = tag();
    const seen = item(pk, 'A', { phone: '1', phones: ['1', '2'], keep: 'k' });
    await u.put(seen);
    expect(await u.store.update(T, seen, ['phones', 'absent'], { set: { primary: '1' }, remove: ['phone'] })).toBe('updated');
    expect(await u.store.get(T, { pk, sk: 'A' })).toEqual(item(pk, 'A', { phones: ['1', '2'], keep: 'k', primary: '1' }));
  });

  it('refuses when a read attribute changed, appeared or went since the item was seen, writing nothing', async () => {
    const u = await make();
    const pk = tag();
    const seen = item(pk, 'A', { phones: ['1'], other: 1 });
    await u.put(seen);
    await u.put({ ...seen, phones: ['1', '2'] });
    expect(await u.store.update(T, seen, ['phones'], { set: { primary: '1' } })).toBe('changed-meanwhile');
    await u.put({ ...seen, extra: 'new' });
    expect(await u.store.update(T, seen, ['phones', 'extra'], { set: { primary: '1' } })).toBe('changed-meanwhile');
    await u.put(item(pk, 'A', { other: 1 }));
    expect(await u.store.update(T, seen, ['phones'], { set: { primary: '1' } })).toBe('changed-meanwhile');
    expect((await u.store.get(T, { pk, sk: 'A' }))!.primary).toBeUndefined();
  });

  it('answers gone for an item deleted since it was seen, and never creates it again', async () => {
    const u = await make();
    const pk = tag();
    const seen = item(pk, 'A', { v: 1 });
    await u.put(seen);
    await u.remove({ pk, sk: 'A' });
    expect(await u.store.update(T, seen, ['v'], { set: { w: 2 } })).toBe('gone');
    expect(await u.store.update(T, seen, [], { set: { w: 2 } })).toBe('gone');
    expect(await u.store.update(T, seen, [], {})).toBe('updated');
    expect(await u.store.get(T, { pk, sk: 'A' })).toBeUndefined();
  });

  it('bumps a counter from absent to 1, then 2, keeping the item’s other attributes', async () => {
    const u = await make();
    const pk = tag();
    await u.store.bump(T, { pk, sk: 'VERSION' }, 'version');
    expect(await u.store.get(T, { pk, sk: 'VERSION' })).toEqual({ pk, sk: 'VERSION', version: 1 });
    await u.put(item(pk, 'V2', { version: 7, name: '目录' }));
    await u.store.bump(T, { pk, sk: 'V2' }, 'version');
    await u.store.bump(T, { pk, sk: 'V2' }, 'version');
    expect(await u.store.get(T, { pk, sk: 'V2' })).toEqual(item(pk, 'V2', { version: 9, name: '目录' }));
  });

  it('records a migration once (first writer wins), lists the applied in id order, per table, never in a scan', async () => {
    const u = await make();
    const a = `9${Math.random().toString(36).slice(2, 8)}`;
    const [late, early] = [`${a}-b-later`, `${a}-a-earlier`];
    expect(await u.store.record(T, record(late), audit)).toBe(true);
    expect(await u.store.record(T, record(early), audit)).toBe(true);
    expect(await u.store.record(T, record(late), audit)).toBe(false);
    expect((await u.store.applied(T)).filter((id) => id.startsWith(a))).toEqual([early, late]);
    expect((await u.store.applied('catalog')).filter((id) => id.startsWith(a))).toEqual([]);
    for await (const page of u.store.scan(T)) expect(page.filter((i) => String(i.sk).startsWith(a))).toEqual([]);
  });
};
