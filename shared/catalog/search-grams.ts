/**
 * Which documents may contain a term, per searchable field, before any string is compared: for every
 * character and every pair of adjacent characters of a field, a bitset of the documents whose field
 * holds it. A term can only be a substring of a field that holds all of its pairs (or its one
 * character), so ANDing those bitsets gives a superset of the matches that is usually a small slice
 * of the catalog. The search then runs its `includes` only there (bench/catalog.ts: the scan over
 * 2,000 items did a dozen string searches per item and query).
 */
export const FIELDS = ['name', 'kw', 'kwPy', 'py', 'code', 'category', 'materials', 'matPy'] as const;
export type Field = (typeof FIELDS)[number];

/** Bit i is document i. */
export type Bits = Uint32Array;

/** Per field, the documents that may contain the term (undefined: none); `any` is their union. */
export type Candidates = Record<Field, Bits | undefined> & { any: Bits };

/** Which form of the query each field is searched with (pinyin fields hold letters only). */
const SEARCHED_WITH: Record<Field, 'term' | 'latin' | 'both'> = {
  name: 'term',
  kw: 'term',
  kwPy: 'latin',
  py: 'latin',
  code: 'both',
  category: 'term',
  materials: 'term',
  matPy: 'latin',
};

export const has = (bits: Bits | undefined, i: number): boolean => bits !== undefined && ((bits[i >>> 5]! >>> (i & 31)) & 1) === 1;

/** The first document at or after `from` in `bits` (every document when `bits` is undefined), or `n`. */
export const nextDoc = (bits: Bits | undefined, from: number, n: number): number => {
  if (!bits) return from;
  let w = from >>> 5;
  if (w >= bits.length) return n;
  let word = bits[w]! & (~0 << (from & 31));
  for (;;) {
    if (word !== 0) return Math.min(n, (w << 5) + 31 - Math.clz32(word & -word));
    if (++w >= bits.length) return n;
    word = bits[w]!;
  }
};

export interface GramIndex {
  /** Starts a query: the bitsets of the previous query are reused (a query allocates no bitset). */
  begin(): void;
  candidates(term: string, latin: string): Candidates;
  /** Documents in `a` or in all of `list` (several words: the whole phrase, or every word). */
  eitherOrAll(a: Bits, list: readonly Bits[]): Bits;
  /** Documents whose field holds every pair of `s` (a bitset of this query, or undefined when none). */
  docsWith(field: Field, s: string): Bits | undefined;
  /** Documents in any of `list` (a fresh bitset of this query, empty when the list is). */
  union(list: ReadonlyArray<Bits | undefined>): Bits;
}

/** Bitsets a query may use before one is allocated (a word with four lexicon alternatives uses about 40). */
const SLOTS = 512;

/** `texts[i][field]`: the exact strings the search compares for document i in that field. */
export const gramIndex = (texts: ReadonlyArray<Record<Field, readonly string[]>>): GramIndex => {
  const words = (texts.length + 31) >>> 5;
  const arena = new Uint32Array(words * SLOTS);
  const slots = Array.from({ length: SLOTS }, (_v, k) => arena.subarray(k * words, (k + 1) * words));
  let used = 0;
  const take = (): Bits => (used < SLOTS ? slots[used++]! : new Uint32Array(words));
  const copy = (from: Bits): Bits => {
    const out = take();
    out.set(from);
    return out;
  };
  /** `into |= b`, where `into` is a bitset this query took (or undefined). */
  const orInto = (into: Bits | undefined, b: Bits | undefined): Bits | undefined => {
    if (!b) return into;
    if (!into) return copy(b);
    for (let w = 0; w < words; w++) into[w]! |= b[w]!;
    return into;
  };
  // a character is keyed by its code unit, a pair by 65536 × (1 + first) + second: numbers, so
  // building the index over 2,000 items allocates no substring per position
  const grams = new Map<Field, Map<number, Bits>>(FIELDS.map((f) => [f, new Map()]));
  const pairKey = (a: number, b: number): number => 65536 * (1 + a) + b;
  texts.forEach((doc, i) => {
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    for (const field of FIELDS) {
      const map = grams.get(field)!;
      const mark = (key: number) => {
        let bits = map.get(key);
        if (!bits) map.set(key, (bits = new Uint32Array(words)));
        bits[word]! |= bit;
      };
      for (const s of doc[field]) {
        for (let k = 0; k < s.length; k++) {
          mark(s.charCodeAt(k));
          if (k + 1 < s.length) mark(pairKey(s.charCodeAt(k), s.charCodeAt(k + 1)));
        }
      }
    }
  });

  /** Documents whose field holds every pair of `s` (or its one character); undefined when none can. */
  const holding = (field: Field, s: string): Bits | undefined => {
    if (!s) return undefined;
    const map = grams.get(field)!;
    if (s.length === 1) return map.get(s.charCodeAt(0));
    let out: Bits | undefined;
    for (let k = 0; k + 1 < s.length; k++) {
      const pair = map.get(pairKey(s.charCodeAt(k), s.charCodeAt(k + 1)));
      if (!pair) return undefined;
      if (!out) out = copy(pair);
      else for (let w = 0; w < words; w++) out[w]! &= pair[w]!;
    }
    return out;
  };

  return {
    begin() {
      used = 0;
    },
    candidates(term, latin) {
      const c = {} as Candidates;
      let any: Bits | undefined;
      for (const field of FIELDS) {
        const how = SEARCHED_WITH[field];
        const bits =
          how === 'term'
            ? holding(field, term)
            : how === 'latin'
              ? holding(field, latin)
              : orInto(orInto(undefined, holding(field, term)), holding(field, latin));
        c[field] = bits;
        any = orInto(any, bits);
      }
      c.any = any ?? take().fill(0);
      return c;
    },
    docsWith: holding,
    union(list) {
      const out = take().fill(0);
      for (const b of list) if (b) for (let w = 0; w < words; w++) out[w]! |= b[w]!;
      return out;
    },
    eitherOrAll(a, list) {
      const out = copy(list[0] ?? a);
      for (const b of list.slice(1)) for (let w = 0; w < words; w++) out[w]! &= b[w]!;
      for (let w = 0; w < words; w++) out[w]! |= a[w]!;
      return out;
    },
  };
};
