import { httpHandler } from '../../shared/http/handler.ts';
import { addAlias, aliasBodySchema } from '../../shared/catalog/search-misses.ts';
import { adminContext, afterCatalogChange, codeParams } from '../../shared/catalog/admin-http.ts';
import { catalogStore, searchMissStore } from '../../shared/catalog/wiring.ts';

/** POST /api/admin/items/{code}/aliases {alias, month?}: adds a 俗称 and publishes the item's next version. */
export const handler = httpHandler('items-alias', { params: codeParams, body: aliasBodySchema }, async (req) => {
  const v = await addAlias(catalogStore(), searchMissStore(), { code: req.params.code, ...req.body }, adminContext(req));
  afterCatalogChange();
  return { status: 201, body: { code: v.code, version: v.version, keywords: v.item.keywords } };
});
