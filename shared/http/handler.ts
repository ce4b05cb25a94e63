import { timingSafeEqual } from 'node:crypto';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import * as z from 'zod';
// only the zh-CN locale: `z.locales` would bundle every language (~400 KB)
import zhCN from 'zod/v4/locales/zh-CN.js';
import { logger } from '../log/logger.ts';
import { mapError } from './error-mapper.ts';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';
import { ValidationError, UnauthenticatedError, ForbiddenError } from '../errors/domain-errors.ts';
import { principalSchema, hasScope, type Principal } from '../identity/principal.ts';
import { routeByName, type RouteName, type RouteDef, type ROUTES } from '../platform/routes.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { runtimeConfig } from '../platform/runtime-config.ts';
import { API_HEADERS } from '../platform/security-headers.ts';
import { forbiddenCharIssues } from '../schema/text.ts';
import { fieldIssues, issuesSummary } from '../errors/field-issues.ts';

// Chinese validation messages for every schema, set once per container.
z.config(zhCN());

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The caller of a route: always present on non-public routes (the factory refuses without one). */
export type PrincipalOf<N extends RouteName> = Extract<(typeof ROUTES)[number], { name: N }>['access'] extends 'public' ? Principal | undefined : Principal;

export interface HttpRequest<B, Q, P, Pr = Principal | undefined, H = undefined> {
  body: B;
  query: Q;
  params: P;
  /** Undefined only on public routes called without a token. */
  principal: Pr;
  /** Every header, keys in lower case (raw: caching, tracing). */
  headers: Record<string, string | undefined>;
  /** The headers the route declared in its `headers` schema, validated like the body. */
  declared: H;
  correlationId: string;
  /** Source address and user agent, for the audit trail and per-address limits. */
  meta: RequestMeta;
  route: RouteDef;
}

/** Handlers return a JSON body, or a binary/text file. */
export type HttpResult =
  | { status?: number; body: unknown; headers?: Record<string, string> }
  | { status?: number; file: { base64: string; contentType: string; filename: string }; headers?: Record<string, string> };

interface Schemas<B, Q, P, H = undefined> {
  body?: B;
  query?: Q;
  params?: P;
  /** Headers the use case needs (Idempotency-Key, If-Match): keys in lower case. */
  headers?: H;
}

const lowerHeaders = (h: APIGatewayProxyEvent['headers'] | null): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? undefined]));

const principalOf = (event: APIGatewayProxyEvent): Principal | undefined => {
  const raw = (event.requestContext.authorizer as Record<string, unknown> | null | undefined)?.principal;
  if (typeof raw !== 'string') return undefined;
  const parsed = principalSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : undefined;
};

/**
 * Behind CloudFront the API answers only CloudFront (its secret header), and the caller's address
 * is the viewer's (CloudFront-Viewer-Address "ip:port"), not the edge's: per-address limits and the
 * audit trail see citizens, not four edge servers.
 */
const edgeCheck = (headers: Record<string, string | undefined>, event: APIGatewayProxyEvent): string => {
  const { originVerify, viewerAddressHeader } = runtimeConfig().edge;
  if (originVerify) {
    const got = Buffer.from(headers['x-origin-verify'] ?? '');
    const want = Buffer.from(originVerify);
    if (got.length !== want.length || !timingSafeEqual(got, want)) throw new ForbiddenError('请通过政务服务网站访问');
  }
  const viewer = viewerAddressHeader ? headers[viewerAddressHeader] : undefined;
  if (viewer) return viewer.replace(/^\[?([^\]]*?)\]?:\d+$/, '$1');
  return event.requestContext.identity?.sourceIp ?? '';
};

const parseBody = (event: APIGatewayProxyEvent): unknown => {
  if (event.body == null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('请求体不是有效的 JSON', [{ path: '', message: '无法解析 JSON' }]);
  }
};

const parsePart = <S extends Schema | undefined>(schema: S, value: unknown, where: string): Out<S> => {
  if (!schema) return undefined as Out<S>;
  // control, zero-width and bidi characters refused in every field of every route, before the schema
  const bad = forbiddenCharIssues(value);
  if (bad.length) throw new ValidationError(issuesSummary(where, bad), bad);
  return checked(schema, value, where);
};

const checked = <S extends Schema>(schema: S, value: unknown, where: string): Out<S> => {
  const r = schema.safeParse(value);
  if (r.success) return r.data as Out<S>;
  const fields = fieldIssues(r.error);
  throw new ValidationError(issuesSummary(where, fields), fields);
};

/** Headers: the schema picks the few declared ones first (a browser's other headers are not checked). */
const parseHeaders = <S extends Schema | undefined>(schema: S, headers: Record<string, string | undefined>): Out<S> => {
  if (!schema) return undefined as Out<S>;
  const data = checked(schema, headers, '请求头');
  const bad = forbiddenCharIssues(data);
  if (bad.length) throw new ValidationError(issuesSummary('请求头', bad), bad);
  return data as Out<S>;
};

const toResult = (res: HttpResult, correlationId: string): APIGatewayProxyResult => {
  // no-store unless a public route asks for caching (the due date: public, the same for everyone); nosniff always
  const base = { ...API_HEADERS, 'x-correlation-id': correlationId, ...res.headers, 'x-content-type-options': API_HEADERS['x-content-type-options'] };
  if ('file' in res) {
    return {
      statusCode: res.status ?? 200,
      isBase64Encoded: true,
      body: res.file.base64,
      headers: {
        ...base,
        'content-type': res.file.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(res.file.filename)}`,
      },
    };
  }
  return {
    statusCode: res.status ?? 200,
    body: res.body === undefined ? '' : JSON.stringify(res.body),
    headers: { 'content-type': 'application/json; charset=utf-8', ...base },
  };
};

/**
 * The one factory for HTTP handlers: access from the route table, zod validation of body, query
 * and path at the edge, one error mapper. The use case receives typed, validated input.
 */
export const httpHandler = <
  N extends RouteName,
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  H extends Schema | undefined = undefined,
>(
  routeName: N,
  schemas: Schemas<B, Q, P, H>,
  fn: (req: HttpRequest<Out<B>, Out<Q>, Out<P>, PrincipalOf<N>, Out<H>>) => Promise<HttpResult>,
) => {
  const route = routeByName(routeName);
  const run = async (event: APIGatewayProxyEvent, _ctx: Context): Promise<APIGatewayProxyResult> => {
    const headers = lowerHeaders(event.headers);
    const correlationId = headers['x-correlation-id'] ?? event.requestContext.requestId;
    // path parameters (case id or number, item code, user id — never personal data) make a
    // refused or failed request findable by the case it was about (README: log queries)
    logger.appendKeys({ correlationId, route: route.name, ...(event.pathParameters ? { path: event.pathParameters } : {}) });
    try {
      const sourceIp = edgeCheck(headers, event);
      const principal = principalOf(event);
      if (route.access !== 'public') {
        if (!principal) throw new UnauthenticatedError('UNAUTHENTICATED', '请先登录');
        if (!hasScope(principal, route.access.scope)) throw new ForbiddenError();
      }
      const req: HttpRequest<Out<B>, Out<Q>, Out<P>, PrincipalOf<N>, Out<H>> = {
        body: parsePart(schemas.body as B, parseBody(event), '请求内容'),
        query: parsePart(schemas.query as Q, event.queryStringParameters ?? {}, '查询参数'),
        params: parsePart(schemas.params as P, event.pathParameters ?? {}, '路径参数'),
        principal: principal as PrincipalOf<N>,
        headers,
        declared: parseHeaders(schemas.headers as H, headers),
        correlationId,
        meta: { sourceIp, userAgent: headers['user-agent'] ?? '' },
        route,
      };
      return toResult(await fn(req), correlationId);
    } catch (err) {
      const { status, body } = mapError(err, correlationId);
      if (status < 500) logger.info('request refused', { status, code: body.error.code });
      return toResult({ status, body, headers: { 'content-type': PROBLEM_CONTENT_TYPE } }, correlationId);
    } finally {
      logger.removeKeys(['correlationId', 'route', 'path']);
    }
  };
  // the route and its schemas travel with the handler: the fuzzer (test/) builds its requests from them
  return Object.assign(middy(run).use(injectLambdaContext(logger, { resetKeys: true })), {
    route,
    schemas: schemas as Schemas<Schema | undefined, Schema | undefined, Schema | undefined, Schema | undefined>,
  });
};
