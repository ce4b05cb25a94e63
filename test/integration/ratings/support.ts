import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { routeByName, type RouteName } from '../../../shared/platform/routes.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import type { TestStack } from '../../support/local-stack.ts';

/**
 * Calls a route's handler module as API Gateway would, with a chosen source address (the local
 * gateway always sees 127.0.0.1, and the public pages limit look-ups per address) and, for staff
 * routes, the principal the authorizer would have put in the request context.
 */
let ip = 0;
export const nextIp = (): string => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;

export const invoke = async (
  route: RouteName,
  opts: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; principal?: Principal; sourceIp?: string } = {},
): Promise<{ status: number; headers: Record<string, string>; json: () => any; raw: string; isBase64: boolean }> => {
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
      identity: { sourceIp: opts.sourceIp ?? nextIp() },
      authorizer: opts.principal ? { principal: JSON.stringify(opts.principal), principalId: opts.principal.userId } : null,
    },
  } as unknown as APIGatewayProxyEvent;
  const handler = await loadHandler('http', route);
  const res = (await handler(event, lambdaContext(route))) as APIGatewayProxyResult;
  const headers = Object.fromEntries(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { status: res.statusCode, headers, json: () => JSON.parse(res.body), raw: res.body, isBase64: !!res.isBase64Encoded };
};

const ID_CARD = demoItems().find((i) => i.name === '居民身份证核发')!;
export const PERSON = { type: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' };

/** A case accepted at the demo township through the real intake route (phone ends 5678). */
export const acceptCase = async (
  stack: TestStack,
  clerkToken: string,
  applicant: Record<string, unknown> = PERSON,
): Promise<{ id: string; number: string; version: number; officeId: string; queryCode: string }> => {
  const res = await stack.fetch('/api/cases', {
    method: 'POST',
    token: clerkToken,
    headers: { 'idempotency-key': randomUUID() },
    json: { itemCode: ID_CARD.code, applicant, materialsReceived: ID_CARD.materials.filter((m) => m.required).map((m) => m.name) },
  });
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { case: { id: string; number: string; version: number; officeId: string; queryCode: string } }).case;
};

/** Takes a case through 开始办理 and 办结 (approved) through the real routes. */
export const decideCase = async (stack: TestStack, clerkToken: string, c: { id: string }): Promise<void> => {
  for (const [action, body] of [
    ['start', { expectedVersion: 1 }],
    ['decide', { expectedVersion: 2, result: 'approved' }],
  ] as const) {
    const r = await stack.fetch(`/api/cases/${c.id}/${action}`, { method: 'POST', token: clerkToken, json: body });
    if (r.status !== 200) throw new Error(`${action} failed: ${r.status} ${await r.text()}`);
  }
};

/** Runs a schedule's handler now, as the local scheduler would. */
export const runSchedule = async (id: string, now?: string): Promise<any> => {
  const { loadHandler: load } = await import('../../../local/modules.ts');
  const { scheduledEvent } = await import('../../../local/scheduler.ts');
  const { SCHEDULES } = await import('../../../shared/platform/schedules.ts');
  const handler = await load('schedules', id);
  const event = scheduledEvent(
    SCHEDULES.find((s) => s.id === id)!,
    'cn-north-1',
  );
  return handler({ ...event, ...(now ? { detail: { now } } : {}) }, lambdaContext(id));
};
