import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { dynamoCatalogStore } from '../../shared/catalog/dynamo-catalog.ts';
import { saveItem } from '../../shared/catalog/save.ts';
import { adminContext, codeParams } from '../../shared/catalog/admin-http.ts';
import { ValidationError } from '../../shared/errors/domain-errors.ts';

const store = dynamoCatalogStore();

/**
 * PUT /api/admin/items/{code}: body = the item; writes a new draft version.
 * `If-None-Match: *` = create only (a taken code is refused); `If-Match: "<n>"` = I edited version n.
 */
export const handler = httpHandler('items-save', { params: codeParams, body: z.unknown() }, async (req) => {
  const ifMatch = req.headers['if-match']?.replace(/^W\//, '').replace(/"/g, '').trim();
  let baseVersion: number | undefined;
  if (ifMatch) {
    baseVersion = Number(ifMatch);
    if (!Number.isInteger(baseVersion) || baseVersion < 1)
      throw new ValidationError('If-Match 必须是版本号，例如 "3"', [{ path: 'If-Match', message: '版本号格式不正确' }]);
  }
  const mode = req.headers['if-none-match']?.trim() === '*' ? 'create' : baseVersion !== undefined ? 'edit' : 'upsert';
  const saved = await saveItem(
    store,
    { code: req.params.code, item: req.body, mode, ...(baseVersion !== undefined ? { baseVersion } : {}) },
    adminContext(req),
  );
  return { status: saved.version === 1 ? 201 : 200, body: saved, headers: { etag: `"${saved.version}"` } };
});
