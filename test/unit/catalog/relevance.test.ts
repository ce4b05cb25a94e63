import { describe, expect, it } from 'vitest';
import { relevance, relevanceCatalogs, RELEVANCE_SET } from '../../../bench/search-relevance.ts';

const { demo, noKeywords } = relevanceCatalogs();

describe('search relevance set', () => {
  it('holds at least 150 realistic queries of every kind', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(RELEVANCE_SET.map((q) => q.kind));
    for (const k of ['colloquial', 'pinyin', 'initials', 'typo', 'sentence', 'name']) expect(kinds).toContain(k);
    for (const q of RELEVANCE_SET) expect(q.expect.every((c) => demo.get(c))).toBe(true);
  });

  it('finds the expected item in the top 3 for ≥ 95 % of queries on the demo catalog', () => {
    const r = relevance(demo);
    expect(r.misses).toEqual(r.recallAt3 >= 0.95 ? r.misses : []);
    expect(r.recallAt3).toBeGreaterThanOrEqual(0.95);
  });

  it('and on the same catalog imported with no 俗称 at all (the lexicon does the work)', () => {
    const r = relevance(noKeywords);
    expect(r.misses).toEqual(r.recallAt3 >= 0.95 ? r.misses : []);
    expect(r.recallAt3).toBeGreaterThanOrEqual(0.95);
  });
});
