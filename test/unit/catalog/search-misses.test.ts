import { describe, expect, it } from 'vitest';
import { memorySearchMisses } from '../../../shared/catalog/memory-search-misses.ts';
import { memoryCatalogStore } from '../../../shared/catalog/memory-catalog.ts';
import { addAlias, missQuery, recordMiss, topMisses } from '../../../shared/catalog/search-misses.ts';
import { getCountyLexicon, saveCountyLexicon } from '../../../shared/catalog/lexicon-admin.ts';
import { indexCache } from '../../../shared/catalog/index-cache.ts';
import { saveItem } from '../../../shared/catalog/save.ts';
import { publishItem } from '../../../shared/catalog/admin.ts';
import { ConflictError } from '../../../shared/errors/domain-errors.ts';
import { searchMissContract } from './search-misses-contract.ts';
import { sampleItem } from './fixtures.ts';

const ctx = { actor: { userId: 'u1', username: 'admin', officeId: '411521-center' }, sourceIp: '127.0.0.1', userAgent: 'vitest' };

describe('SearchMissStore contract (memory)', () => searchMissContract(memorySearchMisses));

describe('what people could not find', () => {
  it('counts no query that may hold personal data: ID, phone or case numbers, e-mail addresses', () => {
    expect(missQuery('  养老金  咋领 ')).toBe('养老金 咋领');
    expect(missQuery('ＳＦＺ')).toBe('sfz');
    for (const q of ['411521199001011234', '13812345678', '411521-20261122-0042', '张三 1381234', 'a@b.cn', '我', '']) expect(missQuery(q), q).toBeUndefined();
  });

  it('counts per Beijing month (a miss at 23:30 UTC on 30 Nov is December in Beijing) and lists repeats only', async () => {
    const s = memorySearchMisses();
    expect(await recordMiss(s, '养老金咋领', 'zero', new Date('2026-11-30T23:30:00Z'))).toBe(true);
    expect(await recordMiss(s, '13812345678', 'zero', new Date('2026-11-30T23:30:00Z'))).toBe(false);
    expect(await topMisses(s, '2026-12')).toEqual([]); // once may be someone's own name: not listed
    await recordMiss(s, '养老金咋领', 'noClick', new Date('2026-12-01T02:00:00Z'));
    expect((await topMisses(s, '2026-12')).map((m) => m.query)).toEqual(['养老金咋领']);
    expect(await topMisses(s, '2026-11')).toEqual([]);
  });
});

const published = async () => {
  const store = memoryCatalogStore();
  await saveItem(store, { code: 'LS-03-001', item: sampleItem({ code: 'LS-03-001', name: '城乡最低生活保障对象认定', keywords: [] }), mode: 'create' }, ctx);
  await publishItem(store, { code: 'LS-03-001' }, ctx);
  return store;
};

describe('add as 俗称', () => {
  it('publishes the next version with the 俗称, audited; the search finds the item by it; the miss is marked handled', async () => {
    const store = await published();
    const misses = memorySearchMisses();
    await recordMiss(misses, '吃救济粮', 'zero', new Date('2026-12-01T02:00:00Z'));
    await recordMiss(misses, '吃救济粮', 'zero', new Date('2026-12-01T03:00:00Z'));
    const cache = indexCache(store, { intervalMs: () => 0 });
    expect((await cache.get()).search({ q: '吃救济粮' }).items).toEqual([]);
    const v = await addAlias(store, misses, { code: 'LS-03-001', alias: '吃救济粮', month: '2026-12' }, ctx);
    expect(v).toMatchObject({ version: 2, status: 'published' });
    expect(v.item.keywords).toEqual(['吃救济粮']);
    expect((await store.getEntry('LS-03-001'))!.publishedVersion).toBe(2);
    expect((await store.getVersion('LS-03-001', 1))!.status).toBe('superseded');
    expect(store.audits.at(-1)).toMatchObject({ action: 'catalog.item.alias', target: { type: 'item', id: 'LS-03-001' } });
    expect(store.audits.at(-1)!.detail).toContain('吃救济粮');
    expect((await cache.get()).search({ q: '吃救济粮' }).items[0]!.code).toBe('LS-03-001');
    expect((await topMisses(misses, '2026-12'))[0]!.handled).toMatchObject({ code: 'LS-03-001', name: '城乡最低生活保障对象认定' });
  });

  it('is harmless twice, and refused while the item has an unpublished draft (someone’s work)', async () => {
    const store = await published();
    const misses = memorySearchMisses();
    await addAlias(store, misses, { code: 'LS-03-001', alias: '吃低保' }, ctx);
    const again = await addAlias(store, misses, { code: 'LS-03-001', alias: '吃低保' }, ctx);
    expect(again.version).toBe(2);
    await saveItem(
      store,
      { code: 'LS-03-001', item: sampleItem({ code: 'LS-03-001', name: '城乡最低生活保障对象认定（修订中）', keywords: [] }), mode: 'edit' },
      ctx,
    );
    const refused = await addAlias(store, misses, { code: 'LS-03-001', alias: '低保金' }, ctx).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).message).toContain('草稿');
    await expect(addAlias(store, misses, { code: 'LS-99-999', alias: '没有' }, ctx)).rejects.toThrow(/不存在/);
  });
});

describe("the county's own lexicon", () => {
  it('saved with a revision, rebuilds every index with it (pinyin too), and two admins cannot overwrite each other', async () => {
    const store = await published();
    const cache = indexCache(store, { intervalMs: () => 0 });
    expect((await cache.get()).search({ q: '救命钱' }).items).toEqual([]);
    expect(await getCountyLexicon(store)).toEqual({ entries: [], revision: 0 });
    await saveCountyLexicon(store, { entries: [{ says: ['救命钱'], means: ['最低生活保障'] }] }, 0, ctx);
    expect((await cache.get()).search({ q: '救命钱' }).items[0]!.code).toBe('LS-03-001');
    expect((await cache.get()).search({ q: 'jiumingqian' }).items[0]!.code).toBe('LS-03-001');
    expect(await getCountyLexicon(store)).toMatchObject({ entries: [{ says: ['救命钱'], means: ['最低生活保障'] }], revision: 1 });
    const stale = await saveCountyLexicon(store, { entries: [] }, 0, ctx).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await getCountyLexicon(store)).revision).toBe(1);
    expect(store.audits.at(-1)).toMatchObject({ action: 'catalog.lexicon.save' });
  });
});
