import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { routeByName, type RouteName } from '../../../shared/platform/routes.ts';
import type { Principal } from '../../../shared/identity/principal.ts';

/**
 * Calls an HTTP handler module directly with the principal the authorizer would have put in the
 * request context, so admin routes are tested against real DynamoDB without depending on logins.
 */
export const CATALOG_ADMIN: Principal = {
  userId: 'u-catalog-admin',
  username: 'admin',
  displayName: '县政务服务管理局管理员',
  officeId: '411521-center',
  roles: ['county_admin'],
  scopes: ['session', 'catalog.edit'],
  sessionId: 's-test',
};

export const invokeAs = async (
  principal: Principal | undefined,
  route: RouteName,
  opts: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string>; json: () => unknown; raw: string; isBase64: boolean }> => {
  const r = routeByName(route);
  const event = {
    resource: r.path,
    path: r.path,
    httpMethod: r.method,
    headers: { 'user-agent': 'vitest', ...opts.headers },
    multiValueHeaders: {},
    queryStringParameters: opts.query ?? null,
    multiValueQueryStringParameters: null,
    pathParameters: opts.params ?? null,
    stageVariables: null,
    body: opts.body === undefined ? null : JSON.stringify(opts.body),
    isBase64Encoded: false,
    requestContext: {
      requestId: randomUUID(),
      identity: { sourceIp: '127.0.0.1' },
      authorizer: principal ? { principal: JSON.stringify(principal), principalId: principal.userId } : null,
    },
  } as unknown as APIGatewayProxyEvent;
  const handler = await loadHandler('http', route);
  const res = (await handler(event, lambdaContext(route))) as APIGatewayProxyResult;
  const headers = Object.fromEntries(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { status: res.statusCode, headers, json: () => JSON.parse(res.body), raw: res.body, isBase64: !!res.isBase64Encoded };
};
