import { buildIndex, type CatalogIndex } from './search-index.ts';
import { buildLexicon } from './lexicon.ts';
import type { CatalogStore } from './ports.ts';

/**
 * The search index kept per container. It remembers the catalog version (C4) it was built from
 * and looks at that counter at most every CATALOG_INDEX_CHECK_SECONDS (default 30): a GetItem.
 * Only when the counter moved does it re-read the published catalog (C3, one Query) and the
 * county's lexicon (C6, one GetItem) and rebuild.
 * Concurrent requests share one check/rebuild.
 */
export interface IndexCache {
  get(): Promise<CatalogIndex>;
  /** Forces a check on the next get (after a publish in this container). */
  invalidate(): void;
  readonly stats: { checks: number; builds: number };
}

const checkIntervalMs = (): number => {
  const v = Number(process.env.CATALOG_INDEX_CHECK_SECONDS ?? 30);
  return Number.isFinite(v) && v >= 0 ? v * 1000 : 30_000;
};

export const indexCache = (
  store: Pick<CatalogStore, 'getCatalogVersion' | 'listPublished' | 'getLexicon'>,
  opts: { intervalMs?: () => number; clock?: () => number } = {},
): IndexCache => {
  const interval = opts.intervalMs ?? checkIntervalMs;
  const clock = opts.clock ?? Date.now;
  let index: CatalogIndex | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<CatalogIndex> | undefined;
  const stats = { checks: 0, builds: 0 };

  const refresh = async (): Promise<CatalogIndex> => {
    stats.checks += 1;
    const version = await store.getCatalogVersion();
    if (!index || index.catalogVersion !== version) {
      const [entries, own] = await Promise.all([store.listPublished(), store.getLexicon()]);
      stats.builds += 1;
      // the county's own lexicon entries over the shipped ones (saving them bumps the version)
      index = buildIndex(entries, version, { lexicon: buildLexicon(own?.entries ?? [], own?.pinyin ?? {}) });
    }
    checkedAt = clock();
    return index;
  };

  return {
    stats,
    invalidate: () => {
      checkedAt = Number.NEGATIVE_INFINITY;
    },
    get: () => {
      if (index && clock() - checkedAt < interval()) return Promise.resolve(index);
      pending ??= refresh().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
};
