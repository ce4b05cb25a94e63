import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breakingChanges, checkAgainstPublished } from '../../../shared/openapi/compat.ts';
import type { JsonSchema, OpenApiDocument } from '../../../shared/openapi/document.ts';

/**
 * The checker behind CI's guard on the published contract (test/unit/openapi/document.test.ts runs
 * it on the code's document): shown to catch each kind of break on deliberately broken copies of
 * docs/openapi.json, and to let additions through.
 */
const published = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;
const copy = (): OpenApiDocument => structuredClone(published);
type Op = OpenApiDocument['paths'][string][string];
const op = (d: OpenApiDocument, method: string, path: string): Op => d.paths[path]![method]!;
const body = (o: Op): JsonSchema => o.requestBody!.content['application/json']!.schema;
const json = (o: Op, status: string): JsonSchema =>
  (o.responses[status] as { content: Record<string, { schema: JsonSchema }> }).content['application/json']!.schema;

describe('the checker itself', () => {
  it('finds nothing between a document and itself', () => {
    expect(breakingChanges(published, copy())).toEqual([]);
  });

  it('lets additions through: a new path, an optional request field, a new response property', () => {
    const d = copy();
    d.paths['/api/new-thing'] = { get: structuredClone(op(d, 'get', '/api/health')) };
    const login = body(op(d, 'post', '/api/auth/login'));
    (login.properties as Record<string, JsonSchema>).remember = { type: 'boolean' };
    const problem = d.components.schemas!.Problem as JsonSchema;
    (problem.properties as Record<string, JsonSchema>).instance = { type: 'string', maxLength: 200 };
    expect(breakingChanges(published, d)).toEqual([]);
  });

  it('catches a removed path and a removed method', () => {
    const d = copy();
    delete d.paths['/api/health'];
    delete d.paths['/api/cases']!.post;
    expect(breakingChanges(published, d)).toEqual(['GET /api/health: 接口被删除', 'POST /api/cases: 接口被删除']);
  });

  it('catches a removed response property, through the $ref of the shared error shape', () => {
    const d = copy();
    const problem = d.components.schemas!.Problem as JsonSchema;
    delete (problem.properties as Record<string, unknown>).detail;
    const found = breakingChanges(published, d);
    expect(found).toContain('GET /api/health 响应 4XX: 字段 detail 被删除');
    expect(found.length).toBe(Object.values(published.paths).reduce((n, m) => n + Object.keys(m).length, 0) * 2);
  });

  it('catches a property removed from a published response shape (a row of the case list)', () => {
    const d = copy();
    const rows = json(op(d, 'get', '/api/cases'), '200');
    const caseRow = ((rows.properties as Record<string, JsonSchema>).cases!.items as JsonSchema).anyOf as JsonSchema[];
    delete (caseRow[0]!.properties as Record<string, unknown>).statusLabel;
    expect(breakingChanges(published, d)).toEqual(['GET /api/cases 响应 200.cases[]: 字段 statusLabel 被删除']);
  });

  it('catches a response property made optional', () => {
    const d = copy();
    const problem = d.components.schemas!.Problem as JsonSchema;
    problem.required = (problem.required as string[]).filter((k) => k !== 'status');
    expect(breakingChanges(published, d)).toContain('GET /api/health 响应 5XX: 字段 status 由必有改为可选');
  });

  it('catches a new required request field and a new required parameter', () => {
    const d = copy();
    const login = body(op(d, 'post', '/api/auth/login'));
    (login.properties as Record<string, JsonSchema>).captcha = { type: 'string', maxLength: 6 };
    login.required = [...(login.required as string[]), 'captcha'];
    op(d, 'get', '/api/items').parameters.push({ name: 'county', in: 'query', required: true, schema: { type: 'string', maxLength: 6 } });
    expect(breakingChanges(published, d)).toEqual(['POST /api/auth/login 请求体: 新增必填字段 captcha', 'GET /api/items: 新增必填参数 query county']);
  });

  it('catches a narrowed enum, a shorter maximum length, a changed type', () => {
    const d = copy();
    const view = op(d, 'get', '/api/cases').parameters.find((p) => p.name === 'view')!.schema;
    view.enum = (view.enum as string[]).filter((v) => v !== 'overdue');
    op(d, 'get', '/api/items').parameters.find((p) => p.name === 'q')!.schema.maxLength = 20;
    const login = body(op(d, 'post', '/api/auth/login'));
    (login.properties as Record<string, JsonSchema>).username = { type: 'integer' };
    const found = breakingChanges(published, d);
    expect(found).toContain('GET /api/cases 参数 query view: 取值范围收窄（overdue 不再接受）');
    expect(found).toContain('GET /api/items 参数 query q: maxLength 由 50 改为 20');
    expect(found).toContain('POST /api/auth/login 请求体.username: 类型由 string 改为 number');
  });

  it('catches a response that may now be of another type', () => {
    const d = copy();
    const health = op(d, 'get', '/api/health');
    const schema = json(health, '2XX');
    health.responses['2XX'] = { description: '成功', content: { 'application/json': { schema: { anyOf: [schema, { type: 'null' }] } } } };
    expect(breakingChanges(published, d)).toEqual(['GET /api/health 响应 2XX: 可能返回新的类型 null']);
  });

  it('allows a break only with a higher major version', () => {
    const d = copy();
    delete d.paths['/api/health'];
    expect(checkAgainstPublished(published, d).allowed).toBe(false);
    d.info.version = '1.9.0';
    expect(checkAgainstPublished(published, d).allowed).toBe(false);
    d.info.version = '2.0.0';
    expect(checkAgainstPublished(published, d)).toEqual({ breaking: ['GET /api/health: 接口被删除'], allowed: true });
  });
});
