import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../shared/platform/routes.ts';
import { generateDocument } from '../../../scripts/openapi/generate.ts';
import { servedDocument } from '../../../shared/openapi/served.ts';
import { problemSchema } from '../../../shared/http/problem.ts';
import { mapError } from '../../../shared/http/error-mapper.ts';
import { ValidationError, NotFoundError } from '../../../shared/errors/domain-errors.ts';
import { checkAgainstPublished } from '../../../shared/openapi/compat.ts';
import type { JsonSchema, OpenApiDocument, Parameter } from '../../../shared/openapi/document.ts';
import published from '../../../docs/openapi.json' with { type: 'json' };

/** Every string schema anywhere in the document that has no maxLength. */
const unbounded = (node: unknown, at = '', out: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((x, i) => unbounded(x, `${at}/${i}`, out));
  else if (node && typeof node === 'object') {
    const s = node as JsonSchema;
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.includes('string') && s.maxLength === undefined) out.push(at);
    for (const [k, v] of Object.entries(s)) unbounded(v, `${at}/${k}`, out);
  }
  return out;
};

describe('the OpenAPI document', () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    doc = await generateDocument();
  }, 120_000);

  it('is OpenAPI 3.1 with a version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('covers every route of the route table, generated and served', () => {
    const missing = (d: OpenApiDocument) => ROUTES.filter((r) => !d.paths[r.path]?.[r.method.toLowerCase()]).map((r) => r.name);
    expect(missing(doc)).toEqual([]);
    expect(missing(servedDocument())).toEqual([]);
    // nothing listed that the table does not have
    const ops = Object.entries(doc.paths).flatMap(([p, m]) => Object.keys(m).map((x) => `${x.toUpperCase()} ${p}`));
    expect(ops.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('takes parameters and bodies from the handlers’ zod schemas', () => {
    const op = (method: string, path: string) => doc.paths[path]![method]!;
    const param = (ps: Parameter[], name: string) => ps.find((p) => p.name === name);
    expect(param(op('get', '/api/items').parameters, 'q')).toMatchObject({ in: 'query', required: false, schema: { type: 'string', maxLength: 50 } });
    expect(param(op('get', '/api/cases').parameters, 'view')?.schema.enum).toContain('overdue');
    expect(param(op('get', '/api/cases/{id}').parameters, 'id')).toMatchObject({ in: 'path', required: true });
    expect(op('post', '/api/auth/login').requestBody?.content['application/json']?.schema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['username', 'password']),
    });
    expect(op('get', '/api/items').security).toEqual([]);
    expect(op('get', '/api/cases').security).toEqual([{ bearer: [] }]);
    expect(op('get', '/api/cases')['x-scope']).toBe('case.read');
  });

  it('gives every string a maximum length', () => {
    expect(unbounded(doc)).toEqual([]);
    expect(unbounded({ a: { type: 'string' } })).toEqual(['/a']);
  });

  it('documents the one error shape once and answers every error with it', () => {
    const problem = doc.components.schemas!.Problem as JsonSchema;
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'error']));
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [m, o] of Object.entries(methods)) {
        expect(o.responses['4XX'], `${m} ${path}`).toEqual({ $ref: '#/components/responses/Problem' });
        expect(o.responses['5XX'], `${m} ${path}`).toEqual({ $ref: '#/components/responses/Problem' });
      }
    expect(Object.keys((doc.components.responses!.Problem as { content: object }).content)).toEqual(['application/problem+json']);
    // what the error mapper writes is that shape, field paths included
    const v = mapError(new ValidationError('请求内容有误', [{ path: 'applicant.idNumber', message: '证件号码校验位不对' }]), 'c-1');
    expect(problemSchema.parse(v.body)).toMatchObject({
      status: 400,
      type: 'urn:bianmin:problem:validation',
      error: { fields: [{ path: 'applicant.idNumber' }] },
    });
    expect(problemSchema.parse(mapError(new NotFoundError('未找到'), 'c-2').body)).toMatchObject({
      status: 404,
      detail: '未找到',
      error: { code: 'NOT_FOUND' },
    });
    expect(problemSchema.parse(mapError(new Error('boom'), 'c-3').body).status).toBe(500);
  });

  // CI's guard: what was published (docs/openapi.json) may be added to, not broken, unless the major version is raised
  it('breaks nothing published, or raises the major version (npm run openapi:publish refreshes the snapshot)', () => {
    const { breaking, allowed } = checkAgainstPublished(published as unknown as OpenApiDocument, doc);
    expect(allowed, `与已发布的 OpenAPI 文档不兼容，须提高 shared/openapi/version.ts 的主版本号：\n${breaking.join('\n')}`).toBe(true);
  });
});
