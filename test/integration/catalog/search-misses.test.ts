import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { seedDemoCatalog } from '../../../local/seed-demo-catalog.ts';
import { dynamoSearchMisses } from '../../../shared/catalog/dynamo-search-misses.ts';
import { monthOf } from '../../../shared/catalog/search-misses.ts';
import { searchMissContract } from '../../unit/catalog/search-misses-contract.ts';
import { CATALOG_ADMIN, invokeAs } from './invoke-as.ts';

let stack: TestStack;

beforeAll(async () => {
  process.env.CATALOG_INDEX_CHECK_SECONDS = '0';
  stack = await startTestStack();
  await seedDemoCatalog();
});
afterAll(() => stack?.stop());

describe('SearchMissStore contract (DynamoDB Local)', () => {
  let n = 0;
  // each test its own months, so the shared table starts empty for it
  searchMissContract(() => {
    const s = dynamoSearchMisses();
    const shift = `${1990 + ++n}`;
    const m = (month: string) => month.replace(/^2026/, shift);
    return {
      record: (month, q, k, at) => s.record(m(month), q, k, at),
      top: (month, l) => s.top(m(month), l),
      markHandled: (month, q, h) => s.markHandled(m(month), q, h),
    };
  });
});

describe('what people could not find, through the gateway', () => {
  const month = monthOf(new Date());
  const search = async (q: string) =>
    (await stack.fetch(`/api/items?q=${encodeURIComponent(q)}`)).json() as Promise<{ total: number; didYouMean?: Array<{ name: string }> }>;
  const misses = async () =>
    (await invokeAs(CATALOG_ADMIN, 'search-misses-list', { query: { month } })).json() as { misses: Array<{ query: string; zero: number; noClick: number }> };

  it('a search that finds nothing is counted; one holding a phone number is not; a result left unclicked is counted by the page', async () => {
    for (let i = 0; i < 2; i++) expect((await search('火星救援')).total).toBe(0);
    expect((await search('13812345678')).total).toBe(0);
    const beacon = await stack.fetch('/api/items/misses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: '养老' }),
    });
    expect(beacon.status).toBe(204);
    await stack.fetch('/api/items/misses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: '养老' }) });
    const list = (await misses()).misses;
    expect(list.find((m) => m.query === '火星救援')).toMatchObject({ zero: 2, noClick: 0 });
    expect(list.find((m) => m.query === '养老')).toMatchObject({ zero: 0, noClick: 2 });
    expect(JSON.stringify(list)).not.toContain('1381234');
    const bad = await stack.fetch('/api/items/misses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'x'.repeat(51) }),
    });
    expect(bad.status).toBe(400);
  });

  it('add as 俗称: the item is published again with it and found by it; the list shows it handled; anonymous callers are refused', async () => {
    const res = await invokeAs(CATALOG_ADMIN, 'items-alias', { params: { code: 'LS-03-001' }, body: { alias: '火星救援', month } });
    expect(res.status).toBe(201);
    expect((res.json() as { keywords: string[] }).keywords).toContain('火星救援');
    const found = (await (await stack.fetch(`/api/items?q=${encodeURIComponent('火星救援')}`)).json()) as { items: Array<{ code: string }> };
    expect(found.items[0]!.code).toBe('LS-03-001');
    expect((await misses()).misses.find((m) => m.query === '火星救援')).toMatchObject({ handled: { code: 'LS-03-001' } });
    expect((await stack.fetch('/api/admin/search-misses')).status).toBe(401);
  });

  it("the county's own synonyms: saved, found at once by word and pinyin, a stale revision refused with 409", async () => {
    const body = { entries: [{ says: ['烤烟补贴'], means: ['种粮补贴'] }], revision: 0 };
    expect((await invokeAs(CATALOG_ADMIN, 'catalog-lexicon-put', { body })).status).toBe(200);
    const got = (await invokeAs(CATALOG_ADMIN, 'catalog-lexicon-get')).json() as { entries: unknown[]; revision: number };
    expect(got).toMatchObject({ entries: body.entries, revision: 1 });
    const r = (await (await stack.fetch(`/api/items?q=${encodeURIComponent('烤烟补贴')}`)).json()) as { items: Array<{ name: string }> };
    expect(r.items[0]!.name).toBe('种粮补贴发放');
    expect((await invokeAs(CATALOG_ADMIN, 'catalog-lexicon-put', { body })).status).toBe(409);
    const bad = await invokeAs(CATALOG_ADMIN, 'catalog-lexicon-put', { body: { entries: [{ says: ['<script>'], means: [] }], revision: 1 } });
    expect(bad.status).toBe(400);
  });

  it('suggestions while typing, and 你是不是要找… for a pinyin slip', async () => {
    const s = (await (await stack.fetch(`/api/items/suggest?q=${encodeURIComponent('身份')}`)).json()) as { suggestions: Array<{ name: string }> };
    expect(s.suggestions.map((h) => h.name)).toContain('居民身份证核发');
    expect((await search('shenfengzhen')).didYouMean?.map((h) => h.name)).toContain('居民身份证核发');
  });
});
