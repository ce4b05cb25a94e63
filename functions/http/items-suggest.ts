import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { cacheableResult } from '../../shared/catalog/lookup.ts';
import { publicIndex } from '../../shared/catalog/wiring.ts';

const query = z.object({ q: z.string().trim().max(30, '输入不能超过 30 个字').default('') });

/** GET /api/items/suggest?q=: completions while one types (names and 俗称, by characters or pinyin). */
export const handler = httpHandler('items-suggest', { query }, async (req) => {
  const index = await publicIndex().get();
  return cacheableResult({ suggestions: index.suggest(req.query.q, 8) }, req.headers['if-none-match']);
});
