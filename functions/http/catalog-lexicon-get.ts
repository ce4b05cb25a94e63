import { httpHandler } from '../../shared/http/handler.ts';
import { getCountyLexicon } from '../../shared/catalog/lexicon-admin.ts';
import { catalogStore } from '../../shared/catalog/wiring.ts';

/** GET /api/admin/catalog/lexicon: the county's own search synonyms (the shipped lexicon applies anyway). */
export const handler = httpHandler('catalog-lexicon-get', {}, async () => ({ body: await getCountyLexicon(catalogStore()) }));
