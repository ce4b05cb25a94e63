import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { itemCodeSchema } from '../../shared/catalog/item.ts';
import { cacheableResult, getGuide } from '../../shared/catalog/lookup.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';

const store = catalogStore();

/** GET /api/items/{code}[?version=N]: the full guide (办事指南), public and cacheable. */
export const handler = httpHandler(
  'items-get',
  {
    params: z.object({ code: itemCodeSchema }),
    query: z.object({ version: z.coerce.number({ error: '版本号必须是数字' }).int().min(1, '版本号至少为 1').optional() }),
  },
  async (req) => cacheableResult(await getGuide(store, req.params.code, req.query.version), req.headers['if-none-match']),
);
