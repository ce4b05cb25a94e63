import type { Item } from './item.ts';
import type { CatalogReader } from './ports.ts';

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
