import type { Alternative, Lexicon } from './lexicon.ts';
import type { Segmenter } from './query-words.ts';
import { has, type Bits, type Candidates, type GramIndex } from './search-grams.ts';

/**
 * The word-by-word tier of the search: a query that is no substring of any item (身份证丢了,
 * 我想给孩子上户口, 残疾补贴, 养老金) is cut into words (query-words.ts), each word widened by the
 * lexicon to the catalog's words, and every item scored by how much of the query it covers and
 * where: a word in the name counts fully, in a 俗称 nearly, in the pinyin less, in the category
 * little, in the materials hardly (such an item is counted, not listed). Rare words weigh more
 * than common ones (登记, 补贴), so the item that covers the telling word comes first.
 */

/** What the scorer needs of an indexed item (search-index.ts builds them). */
export interface WordDoc {
  order: number;
  nameLower: string;
  keywordSet: ReadonlySet<string>;
  keywords: string;
  category: string;
  materials: string;
  code: string;
  codeLatin: string;
  py: string;
  ini: string;
  kwPy: string;
  matPy: string;
}

/** How much a word found in each place says about an item. */
export const FIELD_WEIGHT = { name: 1, keywordExact: 1, keyword: 0.85, code: 0.9, pinyin: 0.8, keywordPinyin: 0.7, category: 0.35, material: 0.1 } as const;
/** Below this an item matched only on its materials: counted, not listed. */
export const LISTED_FROM = FIELD_WEIGHT.category;

interface AltTerm extends Alternative {
  latin: string;
  hasCjk: boolean;
  may: Candidates;
}

interface Word {
  alts: AltTerm[];
  /** Rarity in the catalog (inverse document frequency over names, 俗称 and pinyin). */
  weight: number;
}

export interface PreparedWords {
  words: Word[];
  /**
   * The query is one colloquial word of the lexicon (or its pinyin): the lexicon then speaks like a
   * 俗称 of every catalog, and an item it leads to ranks with the items whose own 俗称 it is.
   */
  saidExactly: boolean;
  totalWeight: number;
  /** Items that may match some word somewhere. */
  any: Bits;
  /** Items that may match some word outside the materials: the only ones worth scoring. */
  listable: Bits;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

const popcount = (bits: Bits | undefined): number => {
  if (!bits) return 0;
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]! - ((bits[w]! >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
};

export interface WordScorer {
  /** The query's words with their alternatives, or undefined when the whole-query tiers say it all. */
  prepare(q: string, whole: string): PreparedWords | undefined;
  /** Coverage of the query by the item, 0…1, and whether it is only through materials. */
  score(d: WordDoc, p: PreparedWords): { coverage: number; listed: boolean };
}

export const wordScorer = (grams: GramIndex, lexicon: Lexicon, seg: Segmenter, size: number): WordScorer => {
  const fieldScore = (d: WordDoc, a: AltTerm): number => {
    const i = d.order;
    const { term, latin, hasCjk, may } = a;
    if (has(may.name, i) && d.nameLower.includes(term)) return FIELD_WEIGHT.name;
    if (has(may.kw, i)) {
      if (d.keywordSet.has(term)) return FIELD_WEIGHT.keywordExact;
      if (d.keywords.includes(term)) return FIELD_WEIGHT.keyword;
    }
    if (!hasCjk && latin.length > 1) {
      if (/\d/.test(latin) && has(may.code, i) && (d.code.startsWith(term) || d.codeLatin.startsWith(latin))) return FIELD_WEIGHT.code;
      if (has(may.py, i) && (d.py.includes(latin) || d.ini.includes(latin))) return FIELD_WEIGHT.pinyin;
      if (has(may.kwPy, i) && d.kwPy.includes(latin)) return FIELD_WEIGHT.keywordPinyin;
    }
    if (has(may.category, i) && d.category.includes(term)) return FIELD_WEIGHT.category;
    if ((has(may.materials, i) && d.materials.includes(term)) || (!hasCjk && latin && has(may.matPy, i) && d.matPy.includes(latin)))
      return FIELD_WEIGHT.material;
    return 0;
  };

  return {
    prepare(q, whole) {
      // a code (ls-01-0, LS0100) is looked up as a code, never cut into words
      if (/\d/.test(whole) && /^[a-z0-9-]+$/.test(whole)) return undefined;
      const raw = seg.words(q);
      if (raw.length === 0) return undefined;
      const alts0 = lexicon.expand(raw[0]!);
      // one word that is the whole query and means nothing else: the whole-query tiers said it all
      if (raw.length === 1 && alts0.length === 1 && raw[0] === whole) return undefined;
      const words: Word[] = [];
      const listable: Array<Bits | undefined> = [];
      const saidExactly = raw.length === 1 && alts0.length > 1 && raw[0] === whole;
      let any: Bits | undefined;
      for (const w of raw) {
        const alts = lexicon.expand(w).map((a) => {
          const latin = a.term.replace(/[^a-z0-9]/g, '');
          return { ...a, latin, hasCjk: CJK.test(a.term), may: grams.candidates(a.term, latin) };
        });
        const telling = grams.union(alts.flatMap((a) => [a.may.name, a.may.kw, a.may.py, a.may.kwPy, a.may.code]));
        listable.push(telling, ...alts.map((a) => a.may.category));
        const df = popcount(telling);
        any = grams.union([any, ...alts.map((a) => a.may.any)]);
        // a word no item holds anywhere but in materials changes no item's rank: leave it out of the sum
        words.push({ alts, weight: df === 0 ? 0 : Math.log(1 + size / df) });
      }
      const totalWeight = words.reduce((s, w) => s + w.weight, 0);
      return { words, saidExactly, totalWeight, any: any ?? grams.union([]), listable: grams.union(listable) };
    },
    score(d, p) {
      let sum = 0;
      let best = 0;
      for (const w of p.words) {
        let s = 0;
        for (const a of w.alts) {
          const f = fieldScore(d, a) * a.weight;
          if (f > s) s = f;
        }
        if (s > best) best = s;
        sum += w.weight * s;
      }
      return { coverage: p.totalWeight > 0 ? sum / p.totalWeight : best, listed: best >= LISTED_FROM * 0.5 };
    },
  };
};
