import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { versionHeaders } from '../../shared/http/headers.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';
import { saveItem } from '../../shared/catalog/save.ts';
import { adminContext, codeParams } from '../../shared/catalog/admin-http.ts';

const store = catalogStore();

/**
 * PUT /api/admin/items/{code}: body = the item; writes a new draft version.
 * `If-None-Match: *` = create only (a taken code is refused); `If-Match: "<n>"` = I edited version n.
 */
export const handler = httpHandler('items-save', { params: codeParams, body: z.unknown(), headers: versionHeaders }, async (req) => {
  const baseVersion = req.declared['if-match'];
  const mode = req.declared['if-none-match']?.trim() === '*' ? 'create' : baseVersion !== undefined ? 'edit' : 'upsert';
  const saved = await saveItem(
    store,
    { code: req.params.code, item: req.body, mode, ...(baseVersion !== undefined ? { baseVersion } : {}) },
    adminContext(req),
  );
  return { status: saved.version === 1 ? 201 : 200, body: saved, headers: { etag: `"${saved.version}"` } };
});
