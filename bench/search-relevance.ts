/**
 * Search quality for `npm run bench` and test/unit/catalog/relevance.test.ts: the relevance set
 * (test/fixtures/search-relevance.json, realistic queries with the items they must find) run on the
 * demo catalog and on the same catalog with every 俗称 removed — as a county that imports its own
 * 事项清单 would have it. recall@3: the share of queries with an expected item in the top 3;
 * MRR: the mean of 1 / rank of the first expected item (0 when not in the top 10).
 */
import set from '../test/fixtures/search-relevance.json' with { type: 'json' };
import { demoItems } from '../shared/catalog/demo-catalog.ts';
import { searchFieldsOf } from '../shared/catalog/search-fields.ts';
import { buildIndex, type CatalogIndex } from '../shared/catalog/search-index.ts';
import type { Item } from '../shared/catalog/item.ts';

export interface RelevanceQuery {
  q: string;
  kind: string;
  expect: string[];
}

export const RELEVANCE_SET: readonly RelevanceQuery[] = set.queries;

export interface Relevance {
  recallAt3: number;
  mrr: number;
  misses: Array<{ q: string; expect: string[]; got: string[] }>;
}

export const indexOf = (items: readonly Item[]): CatalogIndex =>
  buildIndex(
    items.map((item) => ({ item, version: 1, search: searchFieldsOf(item) })),
    1,
  );

/** The demo catalog as shipped, and as imported with no 俗称 at all. */
export const relevanceCatalogs = (): { demo: CatalogIndex; noKeywords: CatalogIndex } => {
  const items = demoItems();
  return { demo: indexOf(items), noKeywords: indexOf(items.map((i) => ({ ...i, keywords: [] }))) };
};

export const relevance = (index: CatalogIndex, queries: readonly RelevanceQuery[] = RELEVANCE_SET): Relevance => {
  let hits = 0;
  let rr = 0;
  const misses: Relevance['misses'] = [];
  for (const { q, expect } of queries) {
    const got = index.search({ q, limit: 10 }).items.map((i) => i.code);
    const rank = got.findIndex((c) => expect.includes(c));
    if (rank >= 0 && rank < 3) hits++;
    else misses.push({ q, expect, got: got.slice(0, 3) });
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { recallAt3: round(hits / queries.length), mrr: round(rr / queries.length), misses };
};
