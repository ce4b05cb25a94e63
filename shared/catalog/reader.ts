import type { Item } from './item.ts';
import type { CatalogStore, VersionStatus } from './store.ts';

/**
 * The catalog as other contexts see it (cases, commissions): read-only, no search. A case pins
 * the `version` it was accepted under and later reads that exact version with getItemVersion,
 * whatever was published since.
 */
export interface CatalogReader {
  /** The published version of an item; undefined when unknown, never published or withdrawn. */
  getPublishedItem(code: string): Promise<{ item: Item; version: number } | undefined>;
  /** One version (any state except draft), e.g. the one a case pinned. */
  getItemVersion(code: string, version: number): Promise<{ item: Item; version: number; status: VersionStatus } | undefined>;
}

export const catalogReaderOn = (store: Pick<CatalogStore, 'getCurrent' | 'getVersion'>): CatalogReader => ({
  getPublishedItem: async (code) => {
    const c = await store.getCurrent(code);
    return c && c.status === 'published' ? { item: c.item, version: c.version } : undefined;
  },
  getItemVersion: async (code, version) => {
    const v = await store.getVersion(code, version);
    // drafts were never shown to anyone: nothing can have been accepted under them
    return v && v.status !== 'draft' ? { item: v.item, version: v.version, status: v.status } : undefined;
  },
});

/** For other contexts' unit tests: a reader over fixed items (all published, version 1 unless given). */
export const staticCatalogReader = (items: ReadonlyArray<Item | { item: Item; version: number }>): CatalogReader => {
  const byCode = new Map(items.map((x) => ('item' in x ? [x.item.code, x] : [x.code, { item: x, version: 1 }])));
  return {
    getPublishedItem: async (code) => byCode.get(code),
    getItemVersion: async (code, version) => {
      const x = byCode.get(code);
      return x && x.version === version ? { ...x, status: 'published' as const } : undefined;
    },
  };
};
