import published from '../../docs/openapi.json' with { type: 'json' };
import { ROUTES } from '../platform/routes.ts';
import { operationOf, type OpenApiDocument } from './document.ts';

/**
 * What `GET /api/openapi.json` serves: the published contract (docs/openapi.json, written by
 * `npm run openapi:publish` from the route table and the zod schemas), so integrators read the
 * versioned document CI checks. A route added since the last publish is listed too — method,
 * path parameters, access, the problem responses — so `paths` always covers the route table.
 * The handlers' schemas are not loaded here: that would bundle every context into this function.
 */
export const servedDocument = (): OpenApiDocument => {
  const doc = structuredClone(published) as unknown as OpenApiDocument;
  for (const r of ROUTES) {
    const at = (doc.paths[r.path] ??= {});
    at[r.method.toLowerCase()] ??= { ...operationOf(r, {}), summary: '新增接口（下次发布时补全请求与响应结构）' };
  }
  return doc;
};
