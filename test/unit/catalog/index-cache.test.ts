import { describe, expect, it } from 'vitest';
import { indexCache } from '../../../shared/catalog/index-cache.ts';
import { memoryCatalogStore } from '../../../shared/catalog/memory-catalog.ts';
import { saveItem } from '../../../shared/catalog/save.ts';
import { publishItem } from '../../../shared/catalog/admin.ts';
import { cacheableResult, etagMatches, getGuide, searchCatalog } from '../../../shared/catalog/lookup.ts';
import { ctx, sampleItem } from './fixtures.ts';

describe('search index per container', () => {
  it('checks the catalog version at most every interval and rebuilds only when it moved', async () => {
    const store = memoryCatalogStore();
    let now = 0;
    const cache = indexCache(store, { intervalMs: () => 30_000, clock: () => now });
    expect((await cache.get()).size).toBe(0);
    expect(cache.stats).toEqual({ checks: 1, builds: 1 });

    await saveItem(store, { code: 'T-001', item: sampleItem(), mode: 'create' }, ctx());
    await publishItem(store, { code: 'T-001' }, ctx());
    now = 10_000;
    expect((await cache.get()).size).toBe(0); // within the interval: no read at all
    expect(cache.stats.checks).toBe(1);
    now = 31_000;
    expect((await cache.get()).size).toBe(1);
    expect(cache.stats).toEqual({ checks: 2, builds: 2 });
    now = 62_000;
    await cache.get(); // version unchanged: one GetItem, no rebuild
    expect(cache.stats).toEqual({ checks: 3, builds: 2 });
    cache.invalidate();
    await Promise.all([cache.get(), cache.get(), cache.get()]); // concurrent callers share one check
    expect(cache.stats.checks).toBe(4);
  });
});

describe('public lookup', () => {
  it('search answers with the catalog version; the guide 404s in Chinese when withdrawn or unknown', async () => {
    const store = memoryCatalogStore();
    await saveItem(store, { code: 'T-001', item: sampleItem(), mode: 'create' }, ctx());
    await publishItem(store, { code: 'T-001' }, ctx());
    const r = await searchCatalog(indexCache(store), { q: 'cssx' });
    expect(r).toMatchObject({ total: 1, catalogVersion: 1, items: [{ code: 'T-001' }] });
    expect(await getGuide(store, 'T-001')).toMatchObject({ version: 1, status: 'published', item: { name: '测试事项' } });
    await expect(getGuide(store, 'T-404')).rejects.toThrow('没有找到事项 T-404');
    await expect(getGuide(store, 'T-001', 9)).rejects.toThrow(/没有第 9 版/);
  });

  it('ETag and 304', () => {
    const a = cacheableResult({ x: 1, y: [1, 2] }, undefined);
    expect(a.status).toBe(200);
    expect(a.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    const same = cacheableResult({ y: [1, 2], x: 1 }, a.headers.etag);
    expect(same).toMatchObject({ status: 304, body: undefined });
    expect(etagMatches(`W/${a.headers.etag}, "other"`, a.headers.etag)).toBe(true);
    expect(etagMatches('"other"', a.headers.etag)).toBe(false);
    expect(etagMatches('*', a.headers.etag)).toBe(true);
  });
});
