import * as z from 'zod';
import shipped from './lexicon/zhengwu.json' with { type: 'json' };
import shippedPinyin from './lexicon/zhengwu-pinyin.json' with { type: 'json' };

/**
 * The 政务 synonym lexicon: what people say (养老金, 上户口, 摆摊) → the words catalogs use
 * (养老保险待遇, 出生登记, 食品小摊点). It ships as data (lexicon/zhengwu.json, sources inside)
 * and is applied at query time, so a county that imports its own 事项清单 with no 俗称 still finds
 * what people mean. A county's own additions (catalog settings) are merged over it.
 */
export interface LexiconEntry {
  says: string[];
  means: string[];
  source?: string;
}

/** One form a query word may take in a catalog, with how sure we are that it is what was meant. */
export interface Alternative {
  term: string;
  weight: number;
}

export interface Lexicon {
  /** The word itself (weight 1), then what it means in catalog words, most fitting first. */
  expand(word: string): readonly Alternative[];
  /** Every colloquial and catalog word the lexicon knows (the segmenter's dictionary). */
  readonly words: ReadonlySet<string>;
  /** Colloquial words fit to offer while one types (not the misspellings it understands). */
  readonly offered: ReadonlySet<string>;
  /** The full pinyin of its colloquial words (shenfenzheng, buban): to cut run-together pinyin. */
  readonly pinyinWords: ReadonlySet<string>;
  /** How many colloquial words it maps. */
  readonly size: number;
}

/** Normal form of any text the search compares: full-width → half-width (NFKC), lower case. */
export const normalizeText = (s: string): string => s.normalize('NFKC').toLowerCase();

const term = z
  .string()
  .trim()
  .min(1, '词语不能为空')
  .max(20, '词语不能超过 20 个字')
  .regex(/^[\p{Script=Han}a-zA-Z0-9（）()、]+$/u, '词语只能包含汉字、字母和数字');

/** A county's own lexicon entries, as the county admin edits them (catalog settings). */
export const countyLexiconSchema = z.object({
  entries: z
    .array(
      z.object({
        says: z.array(term).min(1, '至少填写一个群众说法').max(20, '群众说法不能超过 20 个'),
        means: z.array(term).min(1, '至少填写一个目录用词').max(10, '目录用词不能超过 10 个'),
      }),
    )
    .max(500, '县级补充词条不能超过 500 条'),
});
export type CountyLexicon = z.infer<typeof countyLexiconSchema>;

export const SHIPPED_LEXICON: readonly LexiconEntry[] = shipped.entries;
/** Full pinyin and initials of every colloquial word, made at write time (`npm run lexicon:pinyin`), so the search function carries no pinyin dictionary. */
export type LexiconPinyin = Readonly<Record<string, readonly [string, string]>>;
export const SHIPPED_PINYIN: LexiconPinyin = shippedPinyin as unknown as LexiconPinyin;
export const LEXICON_SOURCES: Readonly<Record<string, string>> = shipped.sources;

/** How much less sure each further catalog word of an entry is than the one before. */
const STEP = 0.05;

/** What a typed pinyin or initials (dibao, db) of a colloquial word is a little less sure of than the word. */
const BY_PINYIN = 0.95;

export const buildLexicon = (county: readonly LexiconEntry[] = [], countyPinyin: LexiconPinyin = {}): Lexicon => {
  const map = new Map<string, Map<string, number>>();
  const words = new Set<string>();
  /** Position of a colloquial word in its entry: the first ones are the most common ways to say it. */
  const commonness = new Map<string, number>();
  const offered = new Set<string>();
  for (const e of [...SHIPPED_LEXICON, ...county]) {
    const means = e.means.map(normalizeText);
    for (const m of means) words.add(m);
    for (const [pos, raw] of e.says.entries()) {
      const say = normalizeText(raw);
      commonness.set(say, Math.min(commonness.get(say) ?? pos, pos));
      if (e.source !== 'typo') offered.add(say);
      words.add(say);
      let alts = map.get(say);
      if (!alts) map.set(say, (alts = new Map()));
      means.forEach((m, i) => {
        const w = Math.max(0.5, 0.95 - STEP * i);
        if (m !== say && (alts.get(m) ?? 0) < w) alts.set(m, w);
      });
    }
  }
  const expanded = new Map<string, readonly Alternative[]>();
  for (const [say, alts] of map)
    expanded.set(say, [{ term: say, weight: 1 }, ...[...alts].map(([t, weight]) => ({ term: t, weight })).sort((a, b) => b.weight - a.weight)]);
  // typed pinyin: the full pinyin or the initials (two letters or more) of a colloquial word; initials
  // many words share (db: 低保, 地补) stand for the most common of them only
  const saysOf = new Map<string, string[]>();
  for (const [say, [py, ini]] of [...Object.entries(SHIPPED_PINYIN), ...Object.entries(countyPinyin)]) {
    if (!map.has(say)) continue;
    for (const latin of ini.length > 1 && ini !== py ? [py, ini] : [py]) saysOf.set(latin, [...(saysOf.get(latin) ?? []), say]);
  }
  const pinyinWords = new Set<string>();
  for (const [say, [py]] of [...Object.entries(SHIPPED_PINYIN), ...Object.entries(countyPinyin)]) if (map.has(say) && py.length >= 4) pinyinWords.add(py);
  const byLatin = new Map<string, Map<string, number>>();
  for (const [latin, says] of saysOf) {
    const best = Math.min(...says.map((w) => commonness.get(w) ?? 0));
    const alts = new Map<string, number>();
    for (const say of says.filter((w) => (commonness.get(w) ?? 0) === best))
      for (const a of expanded.get(say)!) alts.set(a.term, Math.max(alts.get(a.term) ?? 0, a.weight * BY_PINYIN));
    byLatin.set(latin, alts);
  }
  for (const [latin, alts] of byLatin)
    if (!expanded.has(latin))
      expanded.set(latin, [{ term: latin, weight: 1 }, ...[...alts].map(([t, weight]) => ({ term: t, weight })).sort((a, b) => b.weight - a.weight)]);
  return {
    expand: (word) => expanded.get(word) ?? [{ term: word, weight: 1 }],
    words,
    offered,
    pinyinWords,
    size: map.size,
  };
};
