import { httpHandler } from '../../shared/http/handler.ts';
import { cacheableResult, searchCatalog, searchQuerySchema } from '../../shared/catalog/lookup.ts';
import { publicIndex } from '../../shared/catalog/public-index.ts';

/** GET /api/items?q=&category=&level=&office=: public search over the in-memory index (rebuilt only when the catalog version moves). */
export const handler = httpHandler('items-search', { query: searchQuerySchema }, async (req) =>
  cacheableResult(await searchCatalog(publicIndex(), req.query), req.headers['if-none-match']),
);
