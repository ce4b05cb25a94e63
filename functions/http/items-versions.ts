import { httpHandler } from '../../shared/http/handler.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';
import { listVersions } from '../../shared/catalog/admin.ts';
import { codeParams } from '../../shared/catalog/admin-http.ts';

const store = catalogStore();

/** GET /api/admin/items/{code}/versions: the item's history, newest first (drafts included). */
export const handler = httpHandler('items-versions', { params: codeParams }, async (req) => ({
  body: await listVersions(store, req.params.code),
}));
