import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { loadHandler, ROOT } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { parseCountyConfig, type CountyConfig } from '../../../infra/config/county-config.ts';
import { routeByName, type RouteName } from '../../../shared/platform/routes.ts';
import type { Principal } from '../../../shared/identity/principal.ts';

export const LINGSHAN = '411521-lingshan';

/** The demo county with its hall, 灵山镇's general group at `capacity` per slot. */
export const hallCounty = (capacity = 5): CountyConfig => {
  const raw = JSON.parse(readFileSync(join(ROOT, 'infra', 'counties', '411521.json'), 'utf8')) as {
    hall: { offices: Array<{ officeId: string; groups: Array<{ id: string; capacity: number }> }> };
  };
  for (const o of raw.hall.offices) if (o.officeId === LINGSHAN) o.groups.find((g) => g.id === 'general')!.capacity = capacity;
  return parseCountyConfig(raw);
};

export const clerkAt = (userId: string, officeId = LINGSHAN): Principal => ({
  userId,
  username: userId,
  displayName: userId,
  officeId,
  roles: ['window_clerk'],
  scopes: ['session', 'case.accept'],
  sessionId: 's',
});

/** Calls a handler module as API Gateway would, from a given source address (citizens come from many). */
export const call = async (
  route: RouteName,
  opts: { principal?: Principal; params?: Record<string, string>; query?: Record<string, string>; body?: unknown; sourceIp?: string } = {},
): Promise<{ status: number; json: () => Record<string, unknown> }> => {
  const r = routeByName(route);
  const event = {
    resource: r.path,
    path: r.path,
    httpMethod: r.method,
    headers: { 'user-agent': 'vitest' },
    multiValueHeaders: {},
    queryStringParameters: opts.query ?? null,
    multiValueQueryStringParameters: null,
    pathParameters: opts.params ?? null,
    stageVariables: null,
    body: opts.body === undefined ? null : JSON.stringify(opts.body),
    isBase64Encoded: false,
    requestContext: {
      requestId: randomUUID(),
      identity: { sourceIp: opts.sourceIp ?? '127.0.0.1' },
      authorizer: opts.principal ? { principal: JSON.stringify(opts.principal), principalId: opts.principal.userId } : null,
    },
  } as unknown as APIGatewayProxyEvent;
  const handler = await loadHandler('http', route);
  const res = (await handler(event, lambdaContext(route))) as APIGatewayProxyResult;
  return { status: res.statusCode, json: () => (res.body ? JSON.parse(res.body) : {}) };
};
