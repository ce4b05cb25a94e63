import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';
import { publishItem } from '../../shared/catalog/admin.ts';
import { adminContext, afterCatalogChange, codeParams } from '../../shared/catalog/admin-http.ts';

const store = catalogStore();

/** POST /api/admin/items/{code}/publish {version?}: publishes a draft (default: the latest). */
export const handler = httpHandler(
  'items-publish',
  { params: codeParams, body: z.object({ version: z.number().int().min(1, '版本号至少为 1').optional() }).optional() },
  async (req) => {
    const v = await publishItem(store, { code: req.params.code, ...(req.body?.version ? { version: req.body.version } : {}) }, adminContext(req));
    afterCatalogChange();
    return { body: v };
  },
);
