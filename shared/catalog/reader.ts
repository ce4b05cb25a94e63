import type { CatalogReader, CatalogStore } from './ports.ts';

/** The CatalogReader on the catalog store (production: the DynamoDB store, built in wiring.ts). */
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
