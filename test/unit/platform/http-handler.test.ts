import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { httpHandler } from '../../../shared/http/handler.ts';
import { idempotencyHeaders, versionHeaders } from '../../../shared/http/headers.ts';
import { ConflictError, RuleError } from '../../../shared/errors/domain-errors.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import type { Principal } from '../../../shared/identity/principal.ts';

const clerk: Principal = {
  userId: 'u1',
  username: 'clerk.lingshan',
  displayName: '演示窗口',
  officeId: '411521-lingshan',
  roles: ['window_clerk'],
  scopes: ['session', 'case.read', 'case.accept'],
  sessionId: 's1',
};

const event = (over: Partial<APIGatewayProxyEvent> & { principal?: Principal } = {}): APIGatewayProxyEvent => {
  const { principal, ...rest } = over;
  return {
    resource: '/api/cases',
    path: '/api/cases',
    httpMethod: 'POST',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: {
      requestId: 'req-1',
      identity: { sourceIp: '127.0.0.1' },
      authorizer: principal ? { principal: JSON.stringify(principal) } : null,
    } as unknown as APIGatewayProxyEvent['requestContext'],
    ...rest,
  };
};

const call = async (h: ReturnType<typeof httpHandler>, e: APIGatewayProxyEvent) => {
  const res = (await h(e, lambdaContext('t'))) as APIGatewayProxyResult;
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as Record<string, any>) : undefined };
};

const body = z.object({ applicant: z.object({ name: z.string().min(1, '请填写申请人姓名') }), copies: z.number().int() });
const echo = httpHandler('cases-create', { body }, async (req) => ({ status: 201, body: { got: req.body, by: req.principal?.username } }));

describe('HTTP handler factory', () => {
  it('passes validated input and the principal to the use case', async () => {
    const r = await call(echo, event({ principal: clerk, body: JSON.stringify({ applicant: { name: '张三' }, copies: 1 }) }));
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ got: { applicant: { name: '张三' }, copies: 1 }, by: 'clerk.lingshan' });
  });

  it('answers 400 with a Chinese message and field paths', async () => {
    const r = await call(echo, event({ principal: clerk, body: JSON.stringify({ applicant: { name: '' }, copies: 'x' }) }));
    expect(r.status).toBe(400);
    expect(r.body?.error.code).toBe('VALIDATION');
    expect(r.body?.error.message).toContain('applicant.name');
    expect(r.body?.error.fields.map((f: { path: string }) => f.path)).toEqual(['applicant.name', 'copies']);
    expect(r.body?.error.fields[0].message).toBe('请填写申请人姓名');
    expect(r.body?.error.fields[1].message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('serves errors as problem+json: RFC 9457 members beside the error envelope', async () => {
    const res = (await echo(
      event({ principal: clerk, body: JSON.stringify({ applicant: { name: '' }, copies: 1 }) }),
      lambdaContext('t'),
    )) as APIGatewayProxyResult;
    expect(res.headers?.['content-type']).toBe('application/problem+json; charset=utf-8');
    const b = JSON.parse(res.body) as Record<string, any>;
    expect(b).toMatchObject({ type: 'urn:bianmin:problem:validation', title: '请求有误', status: 400, detail: b.error.message });
    expect(b.error.fields).toEqual([{ path: 'applicant.name', message: '请填写申请人姓名' }]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const r = await call(echo, event({ principal: clerk, body: '{oops' }));
    expect(r.status).toBe(400);
    expect(r.body?.error.message).toBe('请求体不是有效的 JSON');
  });

  it('enforces the route scope: 401 without principal, 403 without scope', async () => {
    expect((await call(echo, event({ body: '{}' }))).status).toBe(401);
    const agent = { ...clerk, roles: ['village_agent' as const], scopes: ['session' as const, 'case.read' as const] };
    expect((await call(echo, event({ principal: agent, body: '{}' }))).status).toBe(403);
  });

  it('maps domain errors: conflict 409, rule 422 with fields', async () => {
    const conflict = httpHandler('cases-create', {}, async () => {
      throw new ConflictError('STALE', '办件已被他人处理，请刷新后重试');
    });
    expect(await call(conflict, event({ principal: clerk }))).toMatchObject({ status: 409, body: { error: { code: 'STALE' } } });
    const rule = httpHandler('cases-create', {}, async () => {
      throw new RuleError('FEES_NOT_ALLOWED', '该事项不收费', [{ path: 'amount', message: '不收费事项不能登记收费' }]);
    });
    expect(await call(rule, event({ principal: clerk }))).toMatchObject({ status: 422, body: { error: { fields: [{ path: 'amount' }] } } });
  });

  it('answers 500 with a correlation id and no internals for anything else', async () => {
    const boom = httpHandler('cases-create', {}, async () => {
      throw new Error('ECONNREFUSED 10.0.0.1 secret table name');
    });
    const r = await call(boom, event({ principal: clerk }));
    expect(r.status).toBe(500);
    expect(r.body?.error.correlationId).toBe('req-1');
    expect(JSON.stringify(r.body)).not.toMatch(/ECONNREFUSED|secret/);
  });
});

describe('behind CloudFront (ORIGIN_VERIFY_SECRET, VIEWER_ADDRESS_HEADER set by the stack)', () => {
  const withEdge = async (fn: () => Promise<void>) => {
    const { resetRuntimeConfig } = await import('../../../shared/platform/runtime-config.ts');
    process.env.ORIGIN_VERIFY_SECRET = 's3cret-from-cloudfront';
    process.env.VIEWER_ADDRESS_HEADER = 'CloudFront-Viewer-Address';
    resetRuntimeConfig();
    try {
      await fn();
    } finally {
      delete process.env.ORIGIN_VERIFY_SECRET;
      delete process.env.VIEWER_ADDRESS_HEADER;
      resetRuntimeConfig();
    }
  };
  const seen: string[] = [];
  const h = httpHandler('health', {}, async (req) => (seen.push(req.meta.sourceIp), { body: { ok: true } }));
  const call = (headers: Record<string, string>) =>
    h(event({ httpMethod: 'GET', resource: '/api/health', headers }), lambdaContext('health')) as Promise<APIGatewayProxyResult>;

  it('refuses a request that did not come through CloudFront (the execute-api endpoint answers nobody else)', () =>
    withEdge(async () => {
      expect((await call({})).statusCode).toBe(403);
      expect((await call({ 'x-origin-verify': 'guess' })).statusCode).toBe(403);
    }));

  it("takes the viewer's address from CloudFront-Viewer-Address, IPv4 and IPv6", () =>
    withEdge(async () => {
      seen.length = 0;
      expect((await call({ 'x-origin-verify': 's3cret-from-cloudfront', 'CloudFront-Viewer-Address': '198.51.100.10:46532' })).statusCode).toBe(200);
      await call({ 'x-origin-verify': 's3cret-from-cloudfront', 'cloudfront-viewer-address': '2001:db8:85a3::8a2e:370:7334:46532' });
      expect(seen).toEqual(['198.51.100.10', '2001:db8:85a3::8a2e:370:7334']);
    }));

  it('without CloudFront the API gateway address is used and no header is required', async () => {
    seen.length = 0;
    expect((await call({ 'cloudfront-viewer-address': '203.0.113.9:1' })).statusCode).toBe(200);
    expect(seen).toEqual(['127.0.0.1']);
  });
});

describe('declared headers', () => {
  const keyed = httpHandler('cases-create', { headers: idempotencyHeaders }, async (req) => ({ body: { key: req.declared['idempotency-key'] } }));
  const versioned = httpHandler('items-save', { headers: versionHeaders }, async (req) => ({ body: { v: req.declared['if-match'] ?? null } }));

  it('hands the use case the validated header, whatever case the client spelled it in', async () => {
    const r = await call(keyed, event({ principal: clerk, headers: { 'Idempotency-Key': '  form-12345  ' } }));
    expect(r.body).toEqual({ key: 'form-12345' });
  });
  it('refuses a missing or short Idempotency-Key with 400 naming the header', async () => {
    for (const headers of [{}, { 'idempotency-key': 'short' }]) {
      const r = await call(keyed, event({ principal: clerk, headers }));
      expect(r.status).toBe(400);
      expect(r.body?.error.fields[0].path).toBe('idempotency-key');
      expect(r.body?.error.message).toMatch(/^请求头有误：idempotency-key .*Idempotency-Key/);
    }
  });
  it('reads If-Match "3" and W/"3" as version 3, refuses a non-version, and leaves other headers unchecked', async () => {
    const admin = { ...clerk, scopes: [...clerk.scopes, 'catalog.edit'] } as Principal;
    expect((await call(versioned, event({ principal: admin, headers: { 'If-Match': '"3"', 'user-agent': 'a\u0000b' } }))).body).toEqual({ v: 3 });
    expect((await call(versioned, event({ principal: admin, headers: { 'if-match': 'W/"3"' } }))).body).toEqual({ v: 3 });
    expect((await call(versioned, event({ principal: admin, headers: {} }))).body).toEqual({ v: null });
    const bad = await call(versioned, event({ principal: admin, headers: { 'if-match': '"abc"' } }));
    expect(bad.status).toBe(400);
    expect(bad.body?.error.fields).toEqual([{ path: 'if-match', message: 'If-Match 必须是版本号，例如 "3"' }]);
  });
});
