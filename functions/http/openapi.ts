import { httpHandler } from '../../shared/http/handler.ts';
import { cacheableResult } from '../../shared/catalog/lookup.ts';
import { servedDocument } from '../../shared/openapi/served.ts';

const doc = servedDocument();

/** GET /api/openapi.json: the API's OpenAPI 3.1 document; public, cacheable, no personal data. */
export const handler = httpHandler('openapi', {}, async (req) => cacheableResult(doc, req.headers['if-none-match']));
