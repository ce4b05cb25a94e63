import { describe, expect, it } from 'vitest';
import { buildIndex, type IndexEntry } from '../../../shared/catalog/search-index.ts';
import { searchFieldsOf } from '../../../shared/catalog/search-fields.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import type { Item } from '../../../shared/catalog/item.ts';
import { sampleItem } from './fixtures.ts';

const entries = (items: Item[]): IndexEntry[] => items.map((item) => ({ item, version: 1, search: searchFieldsOf(item) }));
const demo = buildIndex(entries(demoItems()), 7);
const names = (q: Parameters<typeof demo.search>[0]) => demo.search(q).items.map((i) => i.name);

describe('catalog search', () => {
  it('身份证 lists 居民身份证核发 and 临时居民身份证核发 before anything else', () => {
    const r = demo.search({ q: '身份证' });
    expect(r.items.map((i) => i.name)).toEqual(['居民身份证核发', '临时居民身份证核发']);
    // the rest match only through the material 居民身份证: counted, not listed (they would bury the answer)
    expect(r.total).toBe(2);
    expect(r.materialMatches).toBeGreaterThan(50);
  });

  it('俗称 find the item people mean, first', () => {
    expect(names({ q: '低保' })[0]).toBe('城乡最低生活保障对象认定');
    expect(names({ q: 'dibao' })[0]).toBe('城乡最低生活保障对象认定');
    expect(names({ q: '五保' })[0]).toBe('特困人员认定');
    expect(names({ q: '户口本丢了' })[0]).toBe('居民户口簿遗失补发');
    expect(names({ q: '宅基地' })[0]).toBe('农村村民住宅用地审核');
    expect(names({ q: '营业执照' })[0]).toBe('个体工商户登记');
    expect(names({ q: '准生证' })).toEqual(expect.arrayContaining(['一孩生育登记', '二孩生育登记']));
    expect(names({ q: '新农合' })).toContain('城乡居民医疗保险参保登记');
  });

  it('sfz and 户口 list no item that matches only on a material', () => {
    const sfz = demo.search({ q: 'sfz', limit: 500 });
    expect(sfz.items.map((i) => i.name)).toEqual(['居民身份证核发', '临时居民身份证核发']);
    const hukou = demo.search({ q: '户口', limit: 500 });
    expect(hukou.items.length).toBeLessThan(15);
    expect(hukou.materialMatches).toBeGreaterThan(30);
    for (const hit of hukou.items) expect(`${hit.name}|${demo.get(hit.code)!.item.keywords.join('|')}`).toMatch(/户口/);
  });

  it('pinyin initials and full pinyin find them too', () => {
    expect(names({ q: 'sfz' }).slice(0, 2)).toEqual(['居民身份证核发', '临时居民身份证核发']);
    expect(names({ q: 'SFZ' }).slice(0, 2)).toEqual(['居民身份证核发', '临时居民身份证核发']);
    expect(names({ q: 'shenfenzheng' }).slice(0, 2)).toEqual(['居民身份证核发', '临时居民身份证核发']);
    expect(names({ q: 'jmsfz' })[0]).toBe('居民身份证核发');
    expect(names({ q: 'lsjmsfzhf' })[0]).toBe('临时居民身份证核发');
  });

  it('ranks exact name, then an exact 俗称, then prefix, then substring; material-only matches are counted, not listed', () => {
    const items = [
      sampleItem({ code: 'A1', name: '身份证复印' }),
      sampleItem({ code: 'A2', name: '办理身份证明' }),
      sampleItem({ code: 'A3', name: '身份证' }),
      sampleItem({ code: 'A4', name: '户口迁移', keywords: ['身份证'] }),
      sampleItem({ code: 'A5', name: '结婚登记', materials: [{ name: '居民身份证', form: 'original', copies: 1, required: true }] }),
      sampleItem({ code: 'A6', name: '不相干' }),
    ];
    const idx = buildIndex(entries(items), 1);
    const r = idx.search({ q: '身份证' });
    expect(r.items.map((i) => i.code)).toEqual(['A3', 'A4', 'A1', 'A2']);
    expect(r.materialMatches).toBe(1);
  });

  it('searches keywords, also by pinyin; a material word alone is only counted', () => {
    expect(names({ q: '医保' })).toContain('医疗救助金给付');
    expect(names({ q: 'hkb' })).toContain('居民户口簿遗失补发');
    expect(names({ q: '结婚证' })).toEqual([]);
    expect(demo.search({ q: '结婚证' }).materialMatches).toBeGreaterThan(0);
  });

  it('filters by category, level and office; facets ignore the category filter', () => {
    const r = demo.search({ category: '户籍管理' });
    expect(r.total).toBe(22);
    expect(r.items.every((i) => i.category === '户籍管理')).toBe(true);
    expect(r.categories.length).toBe(12);
    expect(demo.search({ level: 'village' }).items.every((i) => i.levels.includes('village'))).toBe(true);
    expect(demo.search({ level: 'county' }).total).toBeLessThan(demo.size);
    expect(demo.search({ office: '市场监督' }).total).toBe(4);
    expect(demo.search({ q: '登记', category: '医疗保障' }).items.map((i) => i.name)).toEqual(['城乡居民医疗保险参保登记']);
  });

  it('no query lists the catalog in code order, paged', () => {
    const all = demo.search({ limit: 500 });
    expect(all.total).toBe(77);
    expect(all.items[0]!.code).toBe('LS-01-001');
    const page = demo.search({ limit: 10, offset: 10 });
    expect(page.items.map((i) => i.code)).toEqual(all.items.slice(10, 20).map((i) => i.code));
  });

  it('an item with every word comes first; one sharing any word still comes back', () => {
    expect(names({ q: '养老 查询' })[0]).toBe('城乡居民养老保险参保信息查询');
    expect(names({ q: '养老查询' })[0]).toBe('城乡居民养老保险参保信息查询');
    const partial = names({ q: '养老 不存在的词' });
    expect(partial.length).toBeGreaterThan(0);
    for (const n of partial) expect(n).toMatch(/养老/);
  });

  it('summaries carry what the list shows', () => {
    const hit = demo.search({ q: '居民身份证核发' }).items[0]!;
    expect(hit).toMatchObject({
      code: 'LS-01-002',
      kind: 'promised',
      promisedDays: 20,
      statutoryDays: 60,
      levels: ['county', 'township'],
      version: 1,
      demo: true,
    });
  });

  it('matches by code', () => {
    expect(demo.search({ q: 'LS-01-003' }).items[0]!.name).toBe('临时居民身份证核发');
    expect(demo.search({ q: 'ls-01-0' }).total).toBe(22);
    expect(demo.search({ q: 'LS0100' }).items.map((i) => i.code)).toContain('LS-01-009');
    expect(demo.search({ q: 'ls' }).total).toBeLessThan(20);
  });
});

describe('catalog search, as people ask', () => {
  const bare = buildIndex(entries(demoItems().map((i) => ({ ...i, keywords: [] }))), 1);
  const bareNames = (q: string) => bare.search({ q }).items.map((i) => i.name);

  it('a query with no spaces finds the items that cover its words, the one covering most first', () => {
    expect(names({ q: '残疾补贴' }).slice(0, 2).sort()).toEqual(['困难残疾人生活补贴', '重度残疾人护理补贴']);
    expect(names({ q: '身份证丢了' })[0]).toBe('居民身份证核发');
    expect(names({ q: '我想给孩子上户口' })[0]).toBe('新生儿出生登记');
  });

  it('colloquial words reach catalogs that carry no 俗称 (the lexicon applies to every catalog)', () => {
    expect(bareNames('养老金')[0]).toBe('城乡居民养老保险待遇核定');
    expect(bareNames('低保')[0]).toBe('城乡最低生活保障对象认定');
    expect(bareNames('改名字')[0]).toBe('变更姓名');
    expect(bareNames('摆摊')[0]).toBe('食品小摊点备案');
    // db: the initials of 低保 and of 当兵 alike: both lead
    expect(bareNames('db').slice(0, 3)).toContain('城乡最低生活保障对象认定');
  });

  it('ranks a word in the name over the same word in the materials, which alone is only counted', () => {
    const r = bare.search({ q: '结婚证' });
    expect(r.items).toEqual([]);
    expect(r.materialMatches).toBeGreaterThan(0);
  });

  it('a bracketed name is found by each of its readings', () => {
    expect(bareNames('失业登记')[0]).toBe('就(失)业登记');
    expect(bareNames('团组织关系')[0]).toBe('党(团)组织关系转移');
  });

  it('offers 你是不是要找… when nothing matches, and completions while typing', () => {
    const miss = demo.search({ q: 'shenfengzhen' });
    expect(miss.items).toEqual([]);
    expect(miss.didYouMean?.map((h) => h.name)).toContain('居民身份证核发');
    expect(demo.search({ q: '居民身分核发证明' }).didYouMean ?? []).toEqual(expect.any(Array));
    expect(demo.search({ q: '身份证' }).didYouMean).toBeUndefined();
    expect(demo.suggest('身份').map((h) => h.name)).toContain('居民身份证核发');
    expect(demo.suggest('juminsh').map((h) => h.name)).toContain('居民身份证核发');
    expect(demo.suggest('jumingshen').map((h) => h.name)).toContain('居民身份证核发'); // one slip of the pinyin
    expect(demo.suggest('居民身证').map((h) => h.name)).toContain('居民身份证核发'); // one character missing
    expect(demo.suggest('摆').map((h) => h.text)).toContain('摆摊');
    expect(demo.suggest('身份').map((h) => h.text)).not.toContain('身份正'); // typos are understood, never offered
  });
});
