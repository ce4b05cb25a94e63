import { httpHandler } from '../../shared/http/handler.ts';
import { missesQuerySchema, monthOf, topMisses } from '../../shared/catalog/search-misses.ts';
import { searchMissStore } from '../../shared/catalog/wiring.ts';

/** GET /api/admin/search-misses?month=YYYY-MM: the queries people could not find that month, most counted first. */
export const handler = httpHandler('search-misses-list', { query: missesQuerySchema }, async (req) => {
  const month = req.query.month ?? monthOf(new Date());
  return { body: { month, misses: await topMisses(searchMissStore(), month) } };
});
