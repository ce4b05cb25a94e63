import { httpHandler } from '../../shared/http/handler.ts';
import { dynamoCatalogStore } from '../../shared/catalog/dynamo-catalog.ts';
import { decodeUpload, importBodySchema, importCatalog, readUpload } from '../../shared/catalog/import.ts';
import { adminContext, afterCatalogChange } from '../../shared/catalog/admin-http.ts';

const store = dynamoCatalogStore();

/** POST /api/admin/items/import {filename, contentBase64, mode, strict, publish}: dry run or commit; the report lists every row. */
export const handler = httpHandler('items-import', { body: importBodySchema }, async (req) => {
  const ctx = adminContext(req);
  const sheets = await readUpload(req.body.filename, decodeUpload(req.body));
  const report = await importCatalog(
    store,
    { filename: req.body.filename, sheets, mode: req.body.mode, strict: req.body.strict, publish: req.body.publish },
    ctx,
  );
  if (report.written && report.publish) afterCatalogChange();
  return { body: report };
});
