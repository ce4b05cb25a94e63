import { ROUTES, type RouteDef } from '../../shared/platform/routes.ts';
import { loadHandler } from '../../local/modules.ts';
import { buildOpenApi, type OpenApiDocument, type RouteSchemas } from '../../shared/openapi/document.ts';
import { responseOf } from '../../shared/openapi/responses.ts';

/**
 * The OpenAPI document of the code as it is: every route of the table with the schemas its handler
 * validates (the same modules the local gateway runs and CDK bundles) and the published responses.
 */
export const generateDocument = async (routes: readonly RouteDef[] = ROUTES): Promise<OpenApiDocument> => {
  const schemas = new Map<string, RouteSchemas>();
  for (const r of routes) {
    const h = (await loadHandler('http', r.name)) as unknown as { schemas?: RouteSchemas };
    schemas.set(r.name, h.schemas ?? {});
  }
  return buildOpenApi(routes, (r) => schemas.get(r.name) ?? {}, responseOf);
};
