import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoItems, parseSeedList, SEED_EXCERPT } from '../../../shared/catalog/demo-catalog.ts';
import { parseItem } from '../../../shared/catalog/item.ts';
import { memoryCatalogStore } from '../../../shared/catalog/memory-catalog.ts';
import { seedCatalog } from '../../../local/seed-demo-catalog.ts';
import { ROOT } from '../../../local/modules.ts';

const seedsDir = join(ROOT, '..', 'shared', 'seeds');
const seedFile = existsSync(seedsDir) ? readdirSync(seedsDir).find((f) => f.startsWith('004_')) : undefined;
const squash = (s: string) => s.replace(/\s+/g, '');

describe('demo catalog (罗山县 list, seed 004)', () => {
  it.skipIf(!seedFile)('its excerpt is the seed text, verbatim', () => {
    const seed = readFileSync(join(seedsDir, seedFile!), 'utf8');
    expect(squash(seed)).toContain(squash(SEED_EXCERPT));
    // and the seed has no category beyond 1.12
    expect(parseSeedList(seed.slice(seed.indexOf('1.1'), seed.indexOf('2.办理质量'))).map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('has every item of 1.1–1.12 under its category, valid, with unique stable codes, marked 示例', () => {
    const cats = parseSeedList(SEED_EXCERPT);
    expect(cats.map((c) => c.name)).toEqual([
      '户籍管理',
      '人口和生育服务',
      '社会保障',
      '劳动保障',
      '养老保障',
      '医疗保障',
      '脱贫帮扶',
      '农业农村管理和服务',
      '乡村建设管理和服务',
      '营商管理和服务',
      '服役退役服务',
      '党务管理服务',
    ]);
    // the wrapped line of 1.8 is joined; 户籍分户、立户 stays one item
    expect(cats[7]!.items).toEqual(['种粮补贴发放', '土地流转服务', '农业技术咨询', '土地纠纷调解']);
    expect(cats[0]!.items).toContain('户籍分户、立户');
    expect(cats[11]!.items).toEqual(['党(团)组织关系转移']);
    const items = demoItems();
    expect(items).toHaveLength(cats.reduce((n, c) => n + c.items.length, 0));
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    for (const i of items) expect(parseItem(i), i.name).toMatchObject({ ok: true });
    expect(items.every((i) => i.demo)).toBe(true);
    expect(items.find((i) => i.code === 'LS-01-002')!.name).toBe('居民身份证核发');
    expect(items.find((i) => i.code === 'LS-01-003')!.name).toBe('临时居民身份证核发');
  });

  it('seeding is idempotent and publishes', async () => {
    const store = memoryCatalogStore();
    const first = await seedCatalog(store);
    expect(first.written).toBe(first.items);
    expect((await store.listPublished()).length).toBe(first.items);
    const again = await seedCatalog(store);
    expect(again.written).toBe(0);
  });
});
