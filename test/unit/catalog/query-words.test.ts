import { describe, expect, it } from 'vitest';
import { buildLexicon, normalizeText } from '../../../shared/catalog/lexicon.ts';
import { lexiconPinyin } from '../../../shared/catalog/lexicon-pinyin.ts';
import { nameWords, segmenter } from '../../../shared/catalog/query-words.ts';
import { SHIPPED_LEXICON, SHIPPED_PINYIN } from '../../../shared/catalog/lexicon.ts';

const lexicon = buildLexicon();
const seg = segmenter(new Set([...lexicon.words, '居民', '核发', '补贴', '残疾']), lexicon.pinyinWords);

describe('query segmentation', () => {
  it('cuts a query typed without spaces into words, longest dictionary word first', () => {
    expect(seg.words('身份证丢了')).toEqual(['身份证丢了']);
    expect(seg.words('老人高龄补贴怎么领')).toEqual(['老人', '高龄补贴']);
    expect(seg.words('居民身份证补领')).toEqual(['居民身份证', '补领']);
  });

  it('drops the words that only carry the asking', () => {
    expect(seg.words('我想给孩子上户口')).toEqual(['给孩子上户口']);
    expect(seg.words('低保怎么办')).toEqual(['低保']);
    expect(seg.words('办理结婚登记需要什么材料')).toEqual(['结婚登记']);
    expect(seg.words('请问在哪里办')).toEqual([]);
  });

  it('leaves what the dictionary does not know to Intl.Segmenter, and drops lone unknown characters', () => {
    const words = seg.words('拖拉机补贴怎么领');
    expect(words).toContain('补贴');
    expect(words.join('')).toMatch(/^拖拉/);
    expect(words.every((w) => w.length > 1 || lexicon.words.has(w))).toBe(true);
  });

  it('keeps latin runs whole, cuts run-together pinyin into known words, and splits on punctuation of any width', () => {
    expect(seg.words('sfz')).toEqual(['sfz']);
    expect(seg.words('shenfenzhengbuban')).toEqual(['shenfenzheng', 'buban']);
    expect(seg.words('养老，查询')).toEqual(['养老', '查询']);
    expect(seg.words('ＳＦＺ')).toEqual(['sfz']);
    expect(seg.words('身份证sfz')).toEqual(['身份证', 'sfz']);
  });

  it('is bounded: at most 8 words however long the query', () => {
    expect(seg.words('低保 五保 医保 社保 当兵 盖房子 摆摊 开店 准生证 宅基地').length).toBe(8);
  });

  it('takes item names apart with Intl.Segmenter for the dictionary', () => {
    expect(nameWords('城乡最低生活保障对象认定')).toEqual(expect.arrayContaining(['城乡', '认定']));
  });
});

describe('政务 lexicon', () => {
  it('widens a colloquial word to catalog words, most fitting first, the word itself first of all', () => {
    const alts = lexicon.expand('养老金');
    expect(alts[0]).toEqual({ term: '养老金', weight: 1 });
    expect(alts[1]!.term).toBe('养老保险待遇');
    expect(alts.map((a) => a.weight)).toEqual([...alts.map((a) => a.weight)].sort((a, b) => b - a));
    expect(lexicon.expand('一个不认识的词')).toEqual([{ term: '一个不认识的词', weight: 1 }]);
  });

  it('knows colloquial words by their pinyin and initials; shared initials stand for the most common word', () => {
    expect(lexicon.expand('dibao').map((a) => a.term)).toContain('最低生活保障');
    expect(lexicon.expand('db').map((a) => a.term)).toContain('最低生活保障');
    expect(lexicon.expand('db').map((a) => a.term)).not.toContain('种粮补贴');
  });

  it('ships several hundred colloquial words, each with a named source', () => {
    expect(lexicon.size).toBeGreaterThan(500);
    for (const e of SHIPPED_LEXICON) expect(['names', 'spoken', 'short', 'typo', 'verbs']).toContain(e.source);
  });

  it('merges a county’s own entries over the shipped ones', () => {
    const county = buildLexicon([{ says: ['烤烟补贴'], means: ['烟叶种植补贴'] }], { 烤烟补贴: ['kaoyanbutie', 'kybt'] });
    expect(county.expand('烤烟补贴').map((a) => a.term)).toEqual(['烤烟补贴', '烟叶种植补贴']);
    expect(county.expand('kybt').map((a) => a.term)).toContain('烟叶种植补贴');
    expect(buildLexicon().expand('烤烟补贴')).toHaveLength(1);
  });

  it('its pinyin file is in step with its words (npm run lexicon:pinyin)', () => {
    expect(SHIPPED_PINYIN).toEqual(lexiconPinyin(SHIPPED_LEXICON));
  });

  it('normalizes full-width letters and case', () => {
    expect(normalizeText('ＤＩＢＡＯ')).toBe('dibao');
  });
});
