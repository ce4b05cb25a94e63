import { normalizeText, type Lexicon } from './lexicon.ts';
import { nextDoc, type GramIndex } from './search-grams.ts';

/**
 * Typing help: completions while one types (names and 俗称, by characters or tone-less pinyin,
 * forgiving one slip of the pinyin or one missing character) and 你是不是要找… when a search
 * found nothing. Both only read the index built for the search.
 */
export interface Hint {
  /** What goes into the search box. */
  text: string;
  /** The item it leads to. */
  code: string;
  name: string;
  kind: 'name' | 'alias' | 'pinyin';
}

interface HintDoc {
  order: number;
  name: string;
  nameLower: string;
  keywordSet: ReadonlySet<string>;
  py: string;
  ini: string;
  entry: { item: { code: string } };
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Levenshtein distance of a and b, or `max + 1` as soon as it must exceed `max` (bounded work). */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
};

/** The fewest edits that turn `a` into some part of `b` (approximate substring), or `max + 1` once it must exceed `max`. */
export const editDistanceWithin = (a: string, b: string, max: number): number => {
  // Sellers: like Levenshtein, but a match may start anywhere in b (first row all zeros)
  let prev: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return Math.min(...prev);
};

/** Does `name` hold the characters of `p` in order, with at most `gaps` characters left out of `p`? */
const nearlyIn = (p: string, name: string, gaps: number): boolean => {
  for (let start = name.indexOf(p[0]!); start >= 0; start = name.indexOf(p[0]!, start + 1)) {
    let j = start;
    let missed = 0;
    for (let i = 0; i < p.length && missed <= gaps; i++) {
      const at = name.indexOf(p[i]!, j);
      if (at < 0 || at - j > 1) missed++;
      else j = at + 1;
    }
    if (missed <= gaps) return true;
  }
  return false;
};

/** How many slips of the pinyin a term of this length may carry. */
const slipsFor = (len: number): number => (len >= 8 ? 2 : len >= 4 ? 1 : 0);

export const searchHints = (docs: readonly HintDoc[], grams: GramIndex, lexicon: Lexicon) => {
  const counts = new Int32Array(docs.length);
  const hint = (d: HintDoc, text: string, kind: Hint['kind']): Hint => ({ text, code: d.entry.item.code, name: d.name, kind });

  const suggest = (prefix: string, limit = 8): Hint[] => {
    const p = normalizeText(prefix).replace(/\s+/g, '');
    if (!p) return [];
    const ranked: Array<{ rank: number; hint: Hint }> = [];
    const add = (rank: number, h: Hint) => {
      if (!ranked.some((r) => r.hint.text === h.text)) ranked.push({ rank, hint: h });
    };
    if (CJK.test(p)) {
      for (const d of docs) {
        if (d.nameLower.startsWith(p)) add(0, hint(d, d.name, 'name'));
        else if (d.nameLower.includes(p)) add(2, hint(d, d.name, 'name'));
        for (const k of d.keywordSet) if (k.startsWith(p)) add(1, hint(d, k, 'alias'));
      }
      // one character missed or mistyped in what was typed so far
      if (ranked.length < limit && p.length >= 3) for (const d of docs) if (nearlyIn(p, d.nameLower, 1)) add(3, hint(d, d.name, 'name'));
      // a colloquial word of the lexicon that leads to an item of this catalog
      if (ranked.length < limit)
        for (const w of lexicon.offered)
          if (w.startsWith(p) && w !== p) {
            const alt = lexicon.expand(w)[1];
            const d = alt && docs.find((x) => x.nameLower.includes(alt.term) || x.keywordSet.has(alt.term));
            if (d) add(4, hint(d, w, 'alias'));
            if (ranked.length >= limit * 2) break;
          }
    } else {
      const latin = p.replace(/[^a-z0-9]/g, '');
      if (!latin) return [];
      const slips = slipsFor(latin.length);
      for (const d of docs) {
        if (d.py.startsWith(latin) || d.ini.startsWith(latin)) add(0, hint(d, d.name, 'pinyin'));
        else if (slips && editDistance(latin, d.py.slice(0, latin.length), slips) <= slips) add(2, hint(d, d.name, 'pinyin'));
      }
    }
    return ranked
      .sort((a, b) => a.rank - b.rank || a.hint.text.length - b.hint.text.length)
      .slice(0, limit)
      .map((r) => r.hint);
  };

  /** 你是不是要找…: items nearest to a query that matched nothing (shared characters, or pinyin one slip away). */
  const nearest = (q: string, limit = 3): Hint[] => {
    const text = normalizeText(q).replace(/\s+/g, '');
    if (!CJK.test(text)) {
      const latin = text.replace(/[^a-z0-9]/g, '');
      const slips = Math.max(1, slipsFor(latin.length));
      if (latin.length < 3) return [];
      const found: Array<{ dist: number; d: HintDoc }> = [];
      for (const d of docs) {
        const dist = Math.min(editDistanceWithin(latin, d.py, slips), editDistance(latin, d.ini, slips));
        if (dist <= slips) found.push({ dist, d });
      }
      return found
        .sort((a, b) => a.dist - b.dist || a.d.name.length - b.d.name.length)
        .slice(0, limit)
        .map(({ d }) => hint(d, d.name, 'pinyin'));
    }
    // count, per item, how many of the query's characters its name holds (gram bitsets: no scan)
    const chars = [...new Set(text)].filter((c) => CJK.test(c));
    if (chars.length < 2) return [];
    counts.fill(0);
    const touched: number[] = [];
    for (const c of chars) {
      const bits = grams.docsWith('name', c);
      for (let i = nextDoc(bits, 0, docs.length); bits && i < docs.length; i = nextDoc(bits, i + 1, docs.length)) {
        if (counts[i] === 0) touched.push(i);
        counts[i]!++;
      }
    }
    const need = Math.max(2, Math.ceil(chars.length / 2));
    return touched
      .filter((i) => counts[i]! >= need)
      .sort((a, b) => counts[b]! - counts[a]! || docs[a]!.name.length - docs[b]!.name.length)
      .slice(0, limit)
      .map((i) => hint(docs[i]!, docs[i]!.name, 'name'));
  };

  return { suggest, nearest };
};
