import { describe, expect, it } from 'vitest';
import { memoryCatalogStore } from '../../../shared/catalog/memory-catalog.ts';
import { saveItem } from '../../../shared/catalog/save.ts';
import { listVersions, publishItem, withdrawItem } from '../../../shared/catalog/admin.ts';
import { catalogReaderOn } from '../../../shared/catalog/reader.ts';
import { ConflictError, NotFoundError, RuleError } from '../../../shared/errors/domain-errors.ts';
import { ctx, sampleItem } from './fixtures.ts';

describe('catalog admin: versions', () => {
  it('editing makes a new draft version; publishing supersedes; withdrawing takes it out', async () => {
    const store = memoryCatalogStore();
    const v1 = await saveItem(store, { code: 'T-001', item: sampleItem(), mode: 'create' }, ctx());
    expect(v1).toMatchObject({ version: 1, status: 'draft' });
    expect(v1.search.ini).toBe('cssx');
    expect(await store.listPublished()).toEqual([]);

    await publishItem(store, { code: 'T-001' }, ctx());
    expect(await store.getCatalogVersion()).toBe(1);
    const reader = catalogReaderOn(store);
    expect(await reader.getPublishedItem('T-001')).toMatchObject({ version: 1, item: { name: '测试事项' } });

    const v2 = await saveItem(store, { code: 'T-001', item: sampleItem({ name: '测试事项（新）' }), mode: 'edit', baseVersion: 1 }, ctx());
    expect(v2.version).toBe(2);
    // a draft changes nothing public
    expect((await reader.getPublishedItem('T-001'))!.version).toBe(1);
    await publishItem(store, { code: 'T-001' }, ctx());
    expect((await reader.getPublishedItem('T-001'))!.item.name).toBe('测试事项（新）');
    // a case accepted under version 1 still reads version 1
    expect(await reader.getItemVersion('T-001', 1)).toMatchObject({ status: 'superseded', item: { name: '测试事项' } });

    const { entry, versions } = await listVersions(store, 'T-001');
    expect(entry).toMatchObject({ state: 'published', latestVersion: 2, publishedVersion: 2 });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);

    await withdrawItem(store, { code: 'T-001', reason: '职能调整' }, ctx());
    expect(await reader.getPublishedItem('T-001')).toBeUndefined();
    expect(await store.listPublished()).toEqual([]);
    expect(await store.getCatalogVersion()).toBe(3);
    expect(await store.getVersion('T-001', 2)).toMatchObject({ status: 'withdrawn', withdrawReason: '职能调整' });
    expect((await store.getEntry('T-001'))!.state).toBe('withdrawn');

    // every mutation is audited
    expect(store.audits.map((a) => a.action)).toEqual([
      'catalog.item.save',
      'catalog.item.publish',
      'catalog.item.save',
      'catalog.item.publish',
      'catalog.item.withdraw',
    ]);
    expect(store.audits[0]).toMatchObject({ actor: { username: 'admin' }, target: { type: 'item', id: 'T-001' }, result: 'success' });
  });

  it('a withdrawn item comes back with a new draft, published', async () => {
    const store = memoryCatalogStore();
    await saveItem(store, { code: 'T-001', item: sampleItem(), mode: 'create' }, ctx());
    await publishItem(store, { code: 'T-001' }, ctx());
    await withdrawItem(store, { code: 'T-001' }, ctx());
    await saveItem(store, { code: 'T-001', item: sampleItem({ promisedDays: 5 }), mode: 'edit' }, ctx());
    await publishItem(store, { code: 'T-001' }, ctx());
    expect(await catalogReaderOn(store).getPublishedItem('T-001')).toMatchObject({ version: 2, item: { promisedDays: 5 } });
    expect((await store.getVersion('T-001', 1))!.status).toBe('withdrawn');
  });

  it('codes are unique: create refuses an existing code', async () => {
    const store = memoryCatalogStore();
    await saveItem(store, { code: 'T-001', item: sampleItem(), mode: 'create' }, ctx());
    await expect(saveItem(store, { code: 'T-001', item: sampleItem({ name: '另一个' }), mode: 'create' }, ctx())).rejects.toThrow(
      /事项编码 T-001 已被“测试事项”使用/,
    );
  });

  it('refuses a stale edit and an edit of an unknown item', async () => {
    const store = memoryCatalogStore();
    await saveItem(store, { code: 'T-001', item: sampleItem(), mode: 'create' }, ctx());
    await saveItem(store, { code: 'T-001', item: sampleItem({ name: 'B' }), mode: 'edit', baseVersion: 1 }, ctx());
    await expect(saveItem(store, { code: 'T-001', item: sampleItem({ name: 'C' }), mode: 'edit', baseVersion: 1 }, ctx())).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(saveItem(store, { code: 'T-404', item: sampleItem({ code: 'T-404' }), mode: 'edit' }, ctx())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('saving the same draft twice writes no second version', async () => {
    const store = memoryCatalogStore();
    await saveItem(store, { code: 'T-001', item: sampleItem(), mode: 'create' }, ctx());
    const again = await saveItem(store, { code: 'T-001', item: sampleItem(), mode: 'upsert' }, ctx());
    expect(again.version).toBe(1);
    expect(store.commits).toBe(1);
  });

  it('refuses rule violations with 422 and writes nothing', async () => {
    const store = memoryCatalogStore();
    await expect(saveItem(store, { code: 'T-001', item: sampleItem({ statutoryDays: 5, promisedDays: 9 }), mode: 'create' }, ctx())).rejects.toBeInstanceOf(
      RuleError,
    );
    expect(store.commits).toBe(0);
  });

  it('the code in the body must match the path', async () => {
    const store = memoryCatalogStore();
    await expect(saveItem(store, { code: 'T-001', item: sampleItem({ code: 'T-002' }), mode: 'upsert' }, ctx())).rejects.toThrow(/事项编码不一致/);
    const { code: _c, ...noCode } = sampleItem();
    expect((await saveItem(store, { code: 'T-009', item: noCode, mode: 'upsert' }, ctx())).code).toBe('T-009');
  });

  it('publishes only drafts newer than the published version', async () => {
    const store = memoryCatalogStore();
    await saveItem(store, { code: 'T-001', item: sampleItem(), mode: 'create' }, ctx());
    await saveItem(store, { code: 'T-001', item: sampleItem({ name: 'B' }), mode: 'edit' }, ctx());
    await publishItem(store, { code: 'T-001', version: 2 }, ctx());
    await expect(publishItem(store, { code: 'T-001', version: 1 }, ctx())).rejects.toThrow(/早于已发布/);
    await expect(publishItem(store, { code: 'T-001', version: 2 }, ctx())).rejects.toThrow(/不是草稿/);
    await expect(withdrawItem(store, { code: 'T-404' }, ctx())).rejects.toBeInstanceOf(NotFoundError);
  });
});
