import { summaryOf, type Item, type ItemSummary, type Level } from './item.ts';
import { gramIndex, has, nextDoc, type Candidates } from './search-grams.ts';
import { buildLexicon, normalizeText, type Lexicon } from './lexicon.ts';
import { nameWords, segmenter } from './query-words.ts';
import { wordScorer, type WordDoc } from './search-words.ts';
import { searchHints, type Hint } from './search-hints.ts';

/**
 * The in-memory search index of the published catalog (one per container). Pure: no I/O and no
 * pinyin dictionary (pinyin arrives precomputed, see search-fields.ts), so a query over 2,000
 * items is a tight loop of `includes` on lower-cased strings (p99 well under 1 ms, bench/catalog.ts).
 *
 * Ranking, best first: exact name (or code), a 俗称/keyword said exactly (低保 → 城乡最低生活保障对象认定),
 * name prefix, name substring, 俗称 substring, pinyin / initials of the name or a 俗称, category;
 * then, for a query that is no substring of an item, its words (search-words.ts: segmented,
 * widened by the 政务 lexicon, ranked by how much of the query an item covers and where).
 * Inside a tier: earlier match, then shorter name. A match only on a material name (居民身份证 is a
 * material of almost every item) is not a result: it would bury the answer; such items are only
 * counted (`materialMatches`) so a page can offer them separately.
 */
export interface SearchFields {
  /** Full pinyin of the name, letters only (居民身份证核发 → juminshenfenzhenghefa). */
  py: string;
  /** Initials of the name (jmsfzhf). */
  ini: string;
  /** Pinyin and initials of each keyword, `|`-separated. */
  kwPy: string;
  /** Pinyin and initials of each material name, `|`-separated. */
  matPy: string;
}

export interface IndexEntry {
  item: Item;
  version: number;
  search: SearchFields;
}

export interface SearchQuery {
  q?: string;
  category?: string;
  level?: Level;
  office?: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit extends ItemSummary {
  version: number;
}

export interface SearchResult {
  items: SearchHit[];
  /** 你是不是要找…: when nothing matched well, the items nearest to what was typed. */
  didYouMean?: Hint[];
  total: number;
  /** Items that match only on a material name (not listed in `items`). */
  materialMatches: number;
  /** Matches per category, ignoring the category filter (for the kiosk's category tabs). */
  categories: Array<{ name: string; count: number }>;
}

interface Doc extends WordDoc {
  entry: IndexEntry;
  hit: SearchHit;
  name: string;
  nameLower: string;
  code: string;
  /** Code without separators, so `ls01002` finds LS-01-002. */
  codeLatin: string;
  keywords: string;
  /** Each 俗称/keyword as said, for the exact-word tier. */
  keywordSet: ReadonlySet<string>;
  /** `|py|ini|…|` of the 俗称, so `db` equals a whole 俗称 (低保) rather than part of a name. */
  keywordPyWords: string;
  materials: string;
  category: string;
  /** Position of the category in catalog order (a slot of the per-query counts). */
  categoryIndex: number;
  officeLower: string;
  order: number;
}

export const TIERS = ['exact', 'alias', 'prefix', 'name', 'keyword', 'pinyin', 'category', 'words'] as const;
/** Word-by-word matches rank after every whole-query tier, by coverage, then shorter name. */
const WORDS_TIER = 7e6;
/** An exact 俗称 of the item (or a colloquial word of the lexicon that leads to it). */
const ALIAS_TIER = 5e5;
/** How much of a colloquial word an item must cover, through the lexicon, to rank as its 俗称. */
const SAID_EXACTLY_FROM = 0.85;
const NO_MATCH = Number.POSITIVE_INFINITY;
/** Matches only on a material: counted, not listed. */
const MATERIAL_ONLY = 9e6;
/** Catalog positions fit below this (scores are integers < 1e7, so keys stay exact doubles). */
const ORDER_SPAN = 1 << 17;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** 就(失)业登记 → [就业登记, 失业登记]; 户籍迁出(入) → [户籍迁出, 户籍迁入]; nothing for a name without brackets. */
export const bracketVariants = (name: string): string[] => {
  const m = /^(.*?)(.)[(（]([^()（）]{1,4})[)）](.*)$/.exec(name);
  if (!m) return [];
  const [, head, before, inner, tail] = m;
  return [`${head}${before}${tail}`, `${head}${inner}${tail}`];
};

const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface CatalogIndex {
  /** Catalog version (META counter) the index was built from. */
  readonly catalogVersion: number;
  readonly size: number;
  readonly builtAt: number;
  search(query: SearchQuery): SearchResult;
  /** Completions while typing: item names and 俗称 (also by pinyin, and forgiving one slip). */
  suggest(prefix: string, limit?: number): Hint[];
  get(code: string): IndexEntry | undefined;
  /** Category names in catalog order. */
  categories(): string[];
}

export interface IndexOptions {
  /** The shipped lexicon merged with the county's own entries (default: the shipped one alone). */
  lexicon?: Lexicon;
}

export const buildIndex = (entries: readonly IndexEntry[], catalogVersion: number, options: IndexOptions = {}): CatalogIndex => {
  if (entries.length >= ORDER_SPAN) throw new Error(`catalog too large for the index: ${entries.length} items`);
  const sorted = [...entries].sort((a, b) => compareCodes(a.item.code, b.item.code));
  const docs: Doc[] = sorted.map((entry, order) => ({
    entry,
    hit: { ...summaryOf(entry.item), version: entry.version },
    name: entry.item.name,
    nameLower: entry.item.name.toLowerCase(),
    code: entry.item.code.toLowerCase(),
    codeLatin: entry.item.code.toLowerCase().replace(/[^a-z0-9]/g, ''),
    // a name's bracketed variants are words too: 就(失)业登记 → 就业登记, 失业登记
    keywords: [...entry.item.keywords, ...bracketVariants(entry.item.name)].join('|').toLowerCase(),
    keywordSet: new Set(entry.item.keywords.map((k) => k.toLowerCase())),
    keywordPyWords: `|${entry.search.kwPy}|`,
    materials: entry.item.materials
      .map((m) => m.name)
      .join('|')
      .toLowerCase(),
    category: entry.item.category,
    categoryIndex: 0,
    officeLower: `${entry.item.office}|${entry.item.officeId ?? ''}`.toLowerCase(),
    order,
    py: entry.search.py,
    ini: entry.search.ini,
    kwPy: entry.search.kwPy,
    matPy: entry.search.matPy,
  }));
  const byCode = new Map(docs.map((d) => [d.entry.item.code, d.entry]));
  const categoryOrder: string[] = [];
  for (const d of docs) if (!categoryOrder.includes(d.category)) categoryOrder.push(d.category);
  for (const d of docs) d.categoryIndex = categoryOrder.indexOf(d.category);
  const grams = gramIndex(
    docs.map((d) => ({
      name: [d.nameLower],
      kw: [d.keywords],
      kwPy: [d.entry.search.kwPy],
      py: [d.entry.search.py, d.entry.search.ini],
      code: [d.code, d.codeLatin],
      category: [d.category],
      materials: [d.materials],
      matPy: [d.entry.search.matPy],
    })),
  );
  const lexicon = options.lexicon ?? buildLexicon();
  // the segmenter's dictionary: the lexicon's words and this catalog's own (any county's catalog)
  const dictionary = new Set(lexicon.words);
  for (const d of docs) {
    for (const w of nameWords(d.name)) dictionary.add(w);
    for (const k of d.keywordSet) dictionary.add(normalizeText(k));
    dictionary.add(normalizeText(d.category));
  }
  const seg = segmenter(dictionary, lexicon.pinyinWords);
  const words = wordScorer(grams, lexicon, seg, docs.length);
  const hints = searchHints(docs, grams, lexicon);
  const builtAt = Date.now();
  // Scratch space reused by every query (search is synchronous): a query allocates nothing per
  // item, so no garbage builds up between queries and the tail stays free of GC pauses (bench/catalog.ts).
  const keys = new Float64Array(docs.length);
  const counts = new Int32Array(categoryOrder.length);

  interface Term {
    term: string;
    latin: string;
    /** `|latin|`, built once per query rather than once per item. */
    latinWord: string;
    hasCjk: boolean;
    codeLike: boolean;
    /** The docs that may hold the term, per field: a string is only searched where its bit is set. */
    may: Candidates;
  }
  /** Score of one term against one doc: lower is better, NO_MATCH when it does not match. */
  const scoreTerm = (d: Doc, t: Term): number => {
    const { term, latin, latinWord, hasCjk, codeLike, may } = t;
    const i = d.order;
    if (d.nameLower === term || d.code === term) return 0;
    if ((has(may.kw, i) && d.keywordSet.has(term)) || (!hasCjk && latin.length > 1 && has(may.kwPy, i) && d.keywordPyWords.includes(latinWord)))
      return ALIAS_TIER + d.name.length;
    const pos = has(may.name, i) ? d.nameLower.indexOf(term) : -1;
    if (pos === 0) return 1e6 + d.name.length;
    if (pos > 0) return 2e6 + pos * 1e3 + d.name.length;
    if (hasCjk && has(may.kw, i) && d.keywords.includes(term)) return 2.5e6 + d.name.length;
    if (!hasCjk && latin && has(may.py, i)) {
      const s = d.entry.search;
      if (s.py === latin || s.ini === latin) return 3e6;
      if (s.py.startsWith(latin) || s.ini.startsWith(latin)) return 3e6 + 1e5 + d.name.length;
      const p = s.py.indexOf(latin);
      const q = s.ini.indexOf(latin);
      if (p >= 0 || q >= 0) return 3e6 + 2e5 + Math.min(p < 0 ? 999 : p, q < 0 ? 999 : q) * 1e3 + d.name.length;
    }
    // codes only for code-like input (a digit in it): `ls` must stay the initials of 临时, not every LS- code
    if (codeLike && has(may.code, i) && (d.code.startsWith(term) || d.codeLatin.startsWith(latin))) return 3e6 + 3e5 + d.order;
    if ((has(may.kw, i) && d.keywords.includes(term)) || (!hasCjk && latin && has(may.kwPy, i) && d.entry.search.kwPy.includes(latin)))
      return 4e6 + d.name.length;
    if (has(may.category, i) && d.category.includes(term)) return 6e6 + d.order;
    if ((has(may.materials, i) && d.materials.includes(term)) || (!hasCjk && latin && has(may.matPy, i) && d.entry.search.matPy.includes(latin)))
      return MATERIAL_ONLY;
    return NO_MATCH;
  };

  const prepare = (raw: string): Term => {
    const term = raw.toLowerCase();
    const latin = term.replace(/[^a-z0-9]/g, '');
    return { term, latin, latinWord: `|${latin}|`, hasCjk: CJK.test(term), codeLike: /\d/.test(term), may: grams.candidates(term, latin) };
  };

  const search = (query: SearchQuery): SearchResult => {
    grams.begin();
    const q = (query.q ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    const whole = q ? prepare(q.replace(/ /g, '')) : undefined;
    const terms = q.includes(' ') ? q.split(' ').map(prepare) : undefined;
    const byWords = whole ? words.prepare(q, whole.term) : undefined;
    const office = query.office?.trim().toLowerCase();
    // sort keys = score * ORDER_SPAN + catalog order, in a typed array: a native numeric sort is
    // several times faster than sorting objects with a comparator (2,000 hits in ~0.1 ms)
    let n = 0;
    let materialMatches = 0;
    counts.fill(0);
    // with a query, only the docs that may contain it somewhere (gram bitsets) are scored
    const phrase = whole
      ? terms
        ? grams.eitherOrAll(
            whole.may.any,
            terms.map((t) => t.may.any),
          )
        : whole.may.any
      : undefined;
    const candidates = phrase && byWords ? grams.union([phrase, byWords.any]) : phrase;
    for (let i = nextDoc(candidates, 0, docs.length); i < docs.length; i = nextDoc(candidates, i + 1, docs.length)) {
      const d = docs[i]!;
      if (query.level && !d.entry.item.levels.includes(query.level)) continue;
      if (office && !d.officeLower.includes(office)) continue;
      let score = d.order; // no query: catalog order
      if (whole) {
        score = scoreTerm(d, whole);
        if (score === NO_MATCH && terms) {
          // every word must match somewhere; the worst word decides the tier
          score = 0;
          for (const t of terms) {
            const s = scoreTerm(d, t);
            if (s === NO_MATCH) {
              score = NO_MATCH;
              break;
            }
            score = Math.max(score, s);
          }
        }
        if (byWords && score >= MATERIAL_ONLY && !has(byWords.listable, i)) {
          // only a material can hold the words here: counted, never listed, not worth scoring
          if (score === NO_MATCH && has(byWords.any, i)) score = MATERIAL_ONLY;
        } else if (byWords && (score >= MATERIAL_ONLY || (byWords.saidExactly && score > ALIAS_TIER))) {
          const { coverage, listed } = words.score(d, byWords);
          if (listed && byWords.saidExactly && coverage >= SAID_EXACTLY_FROM)
            score = Math.min(score, ALIAS_TIER + Math.round((1 - coverage) * 100) * 1000 + Math.min(d.name.length, 999));
          else if (score >= MATERIAL_ONLY) {
            if (listed) score = WORDS_TIER + Math.round((1 - coverage) * 1000) * 1000 + Math.min(d.name.length, 999);
            else if (coverage > 0) score = MATERIAL_ONLY;
          }
        }
        if (score === NO_MATCH) continue;
        if (score >= MATERIAL_ONLY) {
          materialMatches++;
          continue;
        }
      }
      counts[d.categoryIndex]!++;
      if (query.category && d.category !== query.category) continue;
      keys[n++] = score * ORDER_SPAN + d.order;
    }
    const hits = keys.subarray(0, n);
    // without a query every score is the catalog order: already sorted
    if (whole) hits.sort();
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const page: SearchHit[] = [];
    for (let i = offset; i < Math.min(n, offset + limit); i++) page.push(docs[hits[i]! % ORDER_SPAN]!.hit);
    return {
      items: page,
      ...(n === 0 && q ? { didYouMean: hints.nearest(q) } : {}),
      total: n,
      materialMatches,
      categories: categoryOrder.flatMap((name, i) => (counts[i]! > 0 ? [{ name, count: counts[i]! }] : [])),
    };
  };

  return {
    catalogVersion,
    size: docs.length,
    builtAt,
    search,
    get: (code) => byCode.get(code),
    suggest: (prefix, limit) => hints.suggest(prefix, limit),
    categories: () => [...categoryOrder],
  };
};
