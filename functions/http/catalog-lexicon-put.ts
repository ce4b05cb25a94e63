import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { countyLexiconSchema, saveCountyLexicon } from '../../shared/catalog/lexicon-admin.ts';
import { adminContext, afterCatalogChange } from '../../shared/catalog/admin-http.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';

const body = countyLexiconSchema.extend({ revision: z.number({ error: '缺少版本号' }).int().min(0).max(1_000_000) });

/** PUT /api/admin/catalog/lexicon {entries, revision}: saves the county's own search synonyms; every index rebuilds with them. */
export const handler = httpHandler('catalog-lexicon-put', { body }, async (req) => {
  const { revision, ...input } = req.body;
  const saved = await saveCountyLexicon(catalogStore(), input, revision, adminContext(req));
  afterCatalogChange();
  return { body: { entries: saved.entries, revision: saved.revision, updatedAt: saved.updatedAt } };
});
