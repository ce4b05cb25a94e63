import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { ROUTES, type RouteDef } from '../shared/platform/routes.ts';
import { loadHandler } from './modules.ts';
import { lambdaContext } from './lambda-context.ts';
import { API_HEADERS, SECURITY_HEADERS, cspWithConnect } from '../shared/platform/security-headers.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../shared/http/problem.ts';

/**
 * A local API Gateway: `/api/*` becomes a REST proxy event for the same handler module that is
 * deployed, after the same authorizer code ran for non-public routes (401 when it throws
 * Unauthorized, 403 on a Deny, as API Gateway answers). Everything else is the built web front.
 */
const MAX_BODY = 10 * 1024 * 1024; // API Gateway's payload limit

interface Match {
  route: RouteDef;
  params: Record<string, string>;
}

const compiled = ROUTES.map((route) => {
  const names: string[] = [];
  const pattern = route.path.replace(/\{(\w+)\}/g, (_m, n: string) => (names.push(n), '([^/]+)'));
  return { route: route as RouteDef, regex: new RegExp(`^${pattern}$`), names };
});

export const matchRoute = (method: string, path: string): Match | 'method-not-allowed' | undefined => {
  let pathMatched = false;
  // literal segments win over parameters, as in API Gateway (e.g. /items/export before /items/{code})
  const candidates = compiled
    .map((c) => ({ c, m: c.regex.exec(path) }))
    .filter((x) => x.m)
    .sort((a, b) => a.c.names.length - b.c.names.length);
  for (const { c, m } of candidates) {
    pathMatched = true;
    if (c.route.method !== method) continue;
    const params = Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m![i + 1]!)]));
    return { route: c.route, params };
  }
  return pathMatched ? 'method-not-allowed' : undefined;
};

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // past the limit the rest is read and dropped (not a reset connection): the client gets its 413
      if (size > MAX_BODY) reject(new Error('payload too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Every answer, HTML or API, carries the one header set (as CloudFront or the county's nginx add it). */
const send = (res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...headers });
  res.end(body);
};

const jsonError = (res: ServerResponse, status: number, code: string, message: string): void =>
  send(res, status, JSON.stringify(problemBody(status, { code, message })), { ...API_HEADERS, 'content-type': PROBLEM_CONTENT_TYPE });

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const serveStatic = async (webDir: string, path: string, res: ServerResponse, csp: string): Promise<void> => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return send(res, 400, '请求路径中的编码有误', { 'content-type': 'text/plain; charset=utf-8' });
  }
  const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  let file = join(webDir, safe);
  const isFile = await stat(file)
    .then((s) => s.isFile())
    .catch(() => false);
  if (!isFile) {
    if (extname(safe)) return send(res, 404, 'not found', { 'content-type': 'text/plain' });
    file = join(webDir, 'index.html'); // SPA: client-side routes
  }
  try {
    const body = await readFile(file);
    const immutable = file.includes(`${join(webDir, 'assets')}`);
    send(res, 200, body, {
      'content-security-policy': csp,
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  } catch {
    send(res, 503, '前端尚未构建：请运行 npm run build:web', { 'content-type': 'text/plain; charset=utf-8' });
  }
};

const headersOf = (req: IncomingMessage): Record<string, string> =>
  Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));

/** Runs the REQUEST authorizer; returns its context, or the status API Gateway would answer. */
const authorize = async (route: RouteDef, event: APIGatewayProxyEvent): Promise<{ context: Record<string, unknown> } | { status: number }> => {
  const authorizer = await loadHandler('authorizer', 'authorizer');
  const authEvent = {
    type: 'REQUEST',
    methodArn: `arn:aws:execute-api:local:000000000000:local/prod/${route.method}${route.path}`,
    resource: route.path,
    path: event.path,
    httpMethod: route.method,
    headers: event.headers,
    multiValueHeaders: {},
    queryStringParameters: event.queryStringParameters,
    multiValueQueryStringParameters: null,
    pathParameters: event.pathParameters,
    stageVariables: null,
    requestContext: event.requestContext,
  } as unknown as APIGatewayRequestAuthorizerEvent;
  try {
    const result = (await authorizer(authEvent, lambdaContext('authorizer'))) as {
      principalId: string;
      policyDocument: { Statement: Array<{ Effect: string }> };
      context?: Record<string, unknown>;
    };
    const allowed = result.policyDocument.Statement.some((s) => s.Effect === 'Allow');
    if (!allowed) return { status: 403 };
    return { context: { ...result.context, principalId: result.principalId } };
  } catch (e) {
    if ((e as Error).message === 'Unauthorized') return { status: 401 };
    throw e;
  }
};

export interface GatewayOptions {
  port: number;
  webDir: string;
  /** Called for each API request (status and duration), for the console. */
  onRequest?: (line: string) => void;
  /** Origins the pages may also send to: the S3 emulator, where the web PUTs material scans. */
  connectSrc?: string[];
}

export const startGateway = async (opts: GatewayOptions): Promise<{ server: Server; url: string }> => {
  const csp = cspWithConnect(opts.connectSrc ?? []);
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      opts.onRequest?.(`gateway error: ${(e as Error).message}`);
      if (!res.headersSent) jsonError(res, 502, 'BAD_GATEWAY', '本地网关内部错误');
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) return serveStatic(opts.webDir, url.pathname, res, csp);

    let match: ReturnType<typeof matchRoute>;
    try {
      match = matchRoute(req.method ?? 'GET', url.pathname);
    } catch (e) {
      // a path parameter with a malformed percent-escape (%E0%A4%A): the request is bad, not the gateway
      if (e instanceof URIError) return jsonError(res, 400, 'BAD_REQUEST', '请求路径中的编码有误');
      throw e;
    }
    if (match === undefined) return jsonError(res, 404, 'NOT_FOUND', '接口不存在');
    if (match === 'method-not-allowed') return jsonError(res, 405, 'METHOD_NOT_ALLOWED', '不支持的请求方法');

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      res.setHeader('connection', 'close');
      return jsonError(res, 413, 'PAYLOAD_TOO_LARGE', '请求体超过 10 MB');
    }
    const headers = headersOf(req);
    const contentType = headers['content-type'] ?? '';
    const textual = body.length === 0 || /json|text|x-www-form-urlencoded/.test(contentType);
    const query = Object.fromEntries(url.searchParams.entries());
    const event: APIGatewayProxyEvent = {
      resource: match.route.path,
      path: url.pathname,
      httpMethod: match.route.method,
      headers,
      multiValueHeaders: {},
      queryStringParameters: Object.keys(query).length ? query : null,
      multiValueQueryStringParameters: null,
      pathParameters: Object.keys(match.params).length ? match.params : null,
      stageVariables: null,
      body: body.length ? (textual ? body.toString('utf8') : body.toString('base64')) : null,
      isBase64Encoded: !textual,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        authorizer: null,
        protocol: 'HTTP/1.1',
        httpMethod: match.route.method,
        identity: {
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? null,
        } as APIGatewayProxyEvent['requestContext']['identity'],
        path: url.pathname,
        stage: 'local',
        requestId: randomUUID(),
        requestTimeEpoch: started,
        resourceId: 'local',
        resourcePath: match.route.path,
      },
    };

    if (match.route.access !== 'public') {
      const auth = await authorize(match.route, event);
      if ('status' in auth) {
        return auth.status === 401 ? jsonError(res, 401, 'UNAUTHENTICATED', '请先登录') : jsonError(res, 403, 'FORBIDDEN', '无权访问');
      }
      event.requestContext.authorizer = auth.context;
    }

    const handler = await loadHandler('http', match.route.name);
    const result = (await handler(event, lambdaContext(match.route.name))) as APIGatewayProxyResult;
    const out = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
    const outHeaders = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
    send(res, result.statusCode, out, outHeaders);
    opts.onRequest?.(`${match.route.method} ${url.pathname} → ${result.statusCode} (${Date.now() - started} ms)`);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return { server, url: `http://localhost:${port}` };
};
