import { httpHandler } from '../../shared/http/handler.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';

const store = catalogStore();

/** GET /api/admin/items: every item in any state (draft, published, withdrawn), for the admin list. */
export const handler = httpHandler('items-admin-list', {}, async () => {
  const entries = (await store.listEntries()).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { body: { items: entries, total: entries.length, catalogVersion: await store.getCatalogVersion() } };
});
