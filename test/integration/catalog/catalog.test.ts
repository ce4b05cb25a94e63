import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { seedDemoCatalog } from '../../../local/seed-demo-catalog.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { dynamoCatalogStore } from '../../../shared/catalog/dynamo-catalog.ts';
import { dynamoCatalogReader } from '../../../shared/catalog/wiring.ts';
import { readXlsx } from '../../../shared/sheets/xlsx.ts';
import { countyItems, countyWorkbook } from '../../unit/catalog/workbook.ts';
import { sampleItem } from '../../unit/catalog/fixtures.ts';
import { CATALOG_ADMIN, invokeAs } from './invoke-as.ts';

interface SearchBody {
  items: Array<{ code: string; name: string; category: string; levels: string[] }>;
  total: number;
  categories: Array<{ name: string; count: number }>;
  catalogVersion: number;
}

let stack: TestStack;
const search = async (query: string) => {
  const res = await stack.fetch(`/api/items?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as SearchBody;
};

beforeAll(async () => {
  // every search checks the catalog version (a GetItem) so the tests see publishes at once
  process.env.CATALOG_INDEX_CHECK_SECONDS = '0';
  stack = await startTestStack();
  await seedDemoCatalog();
});
afterAll(() => stack?.stop());

describe('public lookup over the gateway (no login)', () => {
  it('q=身份证 lists 居民身份证核发 and 临时居民身份证核发 before anything else; q=sfz too', async () => {
    const r = await search(`q=${encodeURIComponent('身份证')}`);
    expect(r.items.slice(0, 2).map((i) => i.name)).toEqual(['居民身份证核发', '临时居民身份证核发']);
    const p = await search('q=sfz');
    expect(p.items.slice(0, 2).map((i) => i.name)).toEqual(['居民身份证核发', '临时居民身份证核发']);
    // no item that matches only on a material (居民身份证 is a material of almost every item)
    expect(p.items.map((i) => i.name)).toEqual(['居民身份证核发', '临时居民身份证核发']);
  });

  it('q=低保 lists 城乡最低生活保障对象认定 first (俗称)', async () => {
    const r = await search(`q=${encodeURIComponent('低保')}`);
    expect(r.items[0]!.name).toBe('城乡最低生活保障对象认定');
  });

  it('filters by category and level', async () => {
    const r = await search(`category=${encodeURIComponent('户籍管理')}&limit=100`);
    expect(r.total).toBe(22);
    expect(r.items.every((i) => i.category === '户籍管理')).toBe(true);
    const v = await search('level=village&limit=500');
    expect(v.total).toBeGreaterThan(0);
    expect(v.items.every((i) => i.levels.includes('village'))).toBe(true);
    expect(v.total).toBeLessThan(demoItems().length);
  });

  it('is cacheable: Cache-Control, ETag, 304 on If-None-Match', async () => {
    const res = await stack.fetch('/api/items?q=sfz');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await stack.fetch('/api/items?q=sfz', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const guide = await stack.fetch('/api/items/LS-01-002');
    const tag = guide.headers.get('etag')!;
    expect((await stack.fetch('/api/items/LS-01-002', { headers: { 'if-none-match': tag } })).status).toBe(304);
  });

  it('GET /api/items/{code} is the full guide; unknown → 404, bad code → 400, in Chinese', async () => {
    const res = await stack.fetch('/api/items/LS-01-002');
    expect(res.status).toBe(200);
    const g = (await res.json()) as { item: { name: string; fee: unknown; materials: unknown[]; demo: boolean }; version: number };
    expect(g).toMatchObject({ version: 1, item: { name: '居民身份证核发', demo: true, fee: { charged: true } } });
    expect(g.item.materials.length).toBeGreaterThan(0);
    const missing = await stack.fetch('/api/items/LS-99-999');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('没有找到事项 LS-99-999');
    const bad = await stack.fetch('/api/items/abc');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('事项编码');
  });

  it('admin routes refuse anonymous callers', async () => {
    const r = await invokeAs(undefined, 'items-admin-list');
    expect(r.status).toBe(401);
    const clerk = { ...CATALOG_ADMIN, scopes: ['session' as const, 'case.accept' as const] };
    expect((await invokeAs(clerk, 'items-save', { params: { code: 'T-1' }, body: sampleItem({ code: 'T-1' }) })).status).toBe(403);
  });
});

describe('admin: versions, publish, withdraw (real DynamoDB)', () => {
  it('create → draft, publish → searchable, edit → v2, withdraw → gone; all audited', async () => {
    const code = 'IT-001';
    const created = await invokeAs(CATALOG_ADMIN, 'items-save', {
      params: { code },
      body: sampleItem({ code, name: '集成测试事项' }),
      headers: { 'if-none-match': '*' },
    });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ version: 1, status: 'draft' });
    // the code is taken now
    const dup = await invokeAs(CATALOG_ADMIN, 'items-save', { params: { code }, body: sampleItem({ code }), headers: { 'if-none-match': '*' } });
    expect(dup.status).toBe(409);
    expect((await search(`q=${encodeURIComponent('集成测试')}`)).total).toBe(0);

    expect((await invokeAs(CATALOG_ADMIN, 'items-publish', { params: { code } })).status).toBe(200);
    expect((await search(`q=${encodeURIComponent('集成测试')}`)).items.map((i) => i.code)).toEqual([code]);
    expect((await search('q=jccssx')).items.map((i) => i.code)).toEqual([code]);

    const v2 = await invokeAs(CATALOG_ADMIN, 'items-save', {
      params: { code },
      body: sampleItem({ code, name: '集成测试事项（二）' }),
      headers: { 'if-match': '"1"' },
    });
    expect(v2.status).toBe(200);
    const stale = await invokeAs(CATALOG_ADMIN, 'items-save', { params: { code }, body: sampleItem({ code, name: '别的' }), headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    await invokeAs(CATALOG_ADMIN, 'items-publish', { params: { code }, body: { version: 2 } });
    const reader = dynamoCatalogReader();
    expect(await reader.getPublishedItem(code)).toMatchObject({ version: 2, item: { name: '集成测试事项（二）' } });
    expect(await reader.getItemVersion(code, 1)).toMatchObject({ status: 'superseded' });

    const hist = await invokeAs(CATALOG_ADMIN, 'items-versions', { params: { code } });
    expect((hist.json() as { versions: Array<{ version: number; status: string }> }).versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);

    expect((await invokeAs(CATALOG_ADMIN, 'items-withdraw', { params: { code }, body: { reason: '测试' } })).status).toBe(200);
    expect((await search(`q=${encodeURIComponent('集成测试')}`)).total).toBe(0);
    const gone = await stack.fetch(`/api/items/${code}`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toContain('已撤回');
    // the pinned version stays readable for cases
    expect((await stack.fetch(`/api/items/${code}?version=2`)).status).toBe(200);
  });

  it('promised days above statutory days are refused with 422 and a Chinese message naming the field', async () => {
    const r = await invokeAs(CATALOG_ADMIN, 'items-save', {
      params: { code: 'IT-002' },
      body: sampleItem({ code: 'IT-002', statutoryDays: 10, promisedDays: 12 }),
    });
    expect(r.status).toBe(422);
    const body = r.json() as { error: { code: string; message: string; fields: Array<{ path: string }> } };
    expect(body.error.message).toBe('“承诺时限”（12 个工作日）不能超过“法定时限”（10 个工作日）');
    expect(body.error.fields[0]!.path).toBe('promisedDays');
    const shape = await invokeAs(CATALOG_ADMIN, 'items-save', { params: { code: 'IT-002' }, body: { ...sampleItem({ code: 'IT-002' }), place: '' } });
    expect(shape.status).toBe(400);
    expect((shape.json() as { error: { message: string } }).error.message).toContain('办理地点不能为空');
  });
});

describe('admin: import and export', () => {
  it('200 rows with 3 bad: the dry run reports exactly those 3; strict writes nothing; lenient writes 197', async () => {
    const bytes = await countyWorkbook(countyItems(200), (row, i) => {
      if (i === 13) row['承诺时限'] = 30;
      if (i === 78) row['收费标准'] = null;
      if (i === 148) row['办件类型'] = '加急件';
    });
    const body = { filename: '罗山县事项清单.xlsx', contentBase64: Buffer.from(bytes).toString('base64'), mode: 'dry-run', strict: true, publish: true };
    const store = dynamoCatalogStore();
    const before = (await store.listEntries()).length;
    const versionBefore = await store.getCatalogVersion();

    const dry = await invokeAs(CATALOG_ADMIN, 'items-import', { body });
    expect(dry.status).toBe(200);
    const report = dry.json() as { totals: Record<string, number>; rows: Array<{ row: number; status: string; messages: string[] }> };
    expect(report.totals).toEqual({ rows: 200, created: 197, updated: 0, unchanged: 0, error: 3 });
    expect(report.rows.filter((r) => r.status === 'error').map((r) => r.row)).toEqual([15, 80, 150]);

    const strict = await invokeAs(CATALOG_ADMIN, 'items-import', { body: { ...body, mode: 'commit' } });
    expect(strict.json()).toMatchObject({ ok: false, written: 0 });
    expect((await store.listEntries()).length).toBe(before);
    expect(await store.getCatalogVersion()).toBe(versionBefore);

    const lenient = await invokeAs(CATALOG_ADMIN, 'items-import', { body: { ...body, mode: 'commit', strict: false } });
    expect(lenient.json()).toMatchObject({ ok: true, written: 197 });
    expect((await store.listEntries()).length).toBe(before + 197);
    expect((await search('q=LS-77-200')).items[0]!.code).toBe('LS-77-200');
  }, 120_000);

  it('refuses a broken file with a Chinese 400', async () => {
    const r = await invokeAs(CATALOG_ADMIN, 'items-import', {
      body: { filename: 'a.xlsx', contentBase64: Buffer.from('not a zip').toString('base64'), mode: 'dry-run' },
    });
    expect(r.status).toBe(400);
    expect((r.json() as { error: { message: string } }).error.message).toContain('XLSX');
  });

  it('exports a re-importable workbook, and the template', async () => {
    const r = await invokeAs(CATALOG_ADMIN, 'items-export', { query: { scope: 'published' } });
    expect(r.status).toBe(200);
    expect(r.isBase64).toBe(true);
    expect(r.headers['content-disposition']).toContain('.xlsx');
    const sheets = await readXlsx(new Uint8Array(Buffer.from(r.raw, 'base64')));
    expect(sheets.map((s) => s.name)).toEqual(['事项', '材料', '说明']);
    const published = (await dynamoCatalogStore().listPublished()).length;
    expect(sheets[0]!.rows.length - 1).toBe(published);
    const again = await invokeAs(CATALOG_ADMIN, 'items-import', { body: { filename: 'export.xlsx', contentBase64: r.raw, mode: 'dry-run', publish: true } });
    expect((again.json() as { totals: Record<string, number> }).totals).toMatchObject({ unchanged: published, error: 0 });
    const t = await invokeAs(CATALOG_ADMIN, 'items-export', { query: { scope: 'template' } });
    expect(t.headers['content-disposition']).toContain(encodeURIComponent('事项目录导入模板.xlsx'));
  }, 60_000);

  it('the admin list shows every item in any state', async () => {
    const r = await invokeAs(CATALOG_ADMIN, 'items-admin-list');
    const body = r.json() as { items: Array<{ code: string; state: string; updatedBy: { username: string; displayName?: string } }> };
    expect(body.items.find((i) => i.code === 'IT-001')!.state).toBe('withdrawn');
    expect(body.items.find((i) => i.code === 'LS-01-002')!.state).toBe('published');
    // the 更新 column names the person, not the login: the admin who withdrew it, the demo import
    expect(body.items.find((i) => i.code === 'IT-001')!.updatedBy.displayName).toBe('县政务服务管理局管理员');
    expect(body.items.find((i) => i.code === 'LS-01-002')!.updatedBy.displayName).toBe('演示数据导入');
  });

  it('the demo seed is idempotent', async () => {
    const store = dynamoCatalogStore();
    const v = await store.getCatalogVersion();
    const n = (await store.listEntries()).length;
    expect(await seedDemoCatalog()).toEqual({ items: demoItems().length });
    expect(await store.getCatalogVersion()).toBe(v);
    expect((await store.listEntries()).length).toBe(n);
  });
});
