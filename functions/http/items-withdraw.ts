import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';
import { withdrawItem } from '../../shared/catalog/admin.ts';
import { adminContext, afterCatalogChange, codeParams } from '../../shared/catalog/admin-http.ts';

const store = catalogStore();

/** POST /api/admin/items/{code}/withdraw {reason?}: takes the item out of the public catalog. */
export const handler = httpHandler(
  'items-withdraw',
  { params: codeParams, body: z.object({ reason: z.string().trim().max(200, '撤回原因不能超过 200 个字').optional() }).optional() },
  async (req) => {
    const entry = await withdrawItem(store, { code: req.params.code, ...(req.body?.reason ? { reason: req.body.reason } : {}) }, adminContext(req));
    afterCatalogChange();
    return { body: entry };
  },
);
