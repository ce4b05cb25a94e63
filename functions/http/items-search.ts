import { httpHandler } from '../../shared/http/handler.ts';
import { cacheableResult, searchCatalog, searchQuerySchema } from '../../shared/catalog/lookup.ts';
import { recordMiss } from '../../shared/catalog/search-misses.ts';
import { publicIndex, searchMissStore } from '../../shared/catalog/wiring.ts';

/**
 * GET /api/items?q=&category=&level=&office=: public search over the in-memory index (rebuilt only
 * when the catalog version moves). A query that finds nothing is counted for the county admin.
 */
export const handler = httpHandler('items-search', { query: searchQuerySchema }, async (req) => {
  const result = await searchCatalog(publicIndex(), req.query);
  if (result.total === 0 && req.query.q && !req.query.offset && !req.query.category) {
    await recordMiss(searchMissStore(), req.query.q, 'zero', new Date());
    // not kept by a browser or CDN, so each time someone finds nothing is counted
    return { body: result, headers: { 'cache-control': 'no-store' } };
  }
  return cacheableResult(result, req.headers['if-none-match']);
});
