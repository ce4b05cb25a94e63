import { httpHandler } from '../../shared/http/handler.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';
import { decodeUpload, importBodySchema, importCatalog, readUpload } from '../../shared/catalog/import.ts';
import { adminContext, afterCatalogChange } from '../../shared/catalog/admin-http.ts';

const store = catalogStore();

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
