import * as z from 'zod';
import type { RouteDef } from '../platform/routes.ts';
import { problemSchema } from '../http/problem.ts';
import { API_TITLE, API_VERSION } from './version.ts';
import type { ResponseSpec } from './responses.ts';

/**
 * The OpenAPI 3.1 document, built from the route table and each route's zod schemas with zod's own
 * JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1): request bodies, query, path and
 * header parameters as the handler validates them (`io: 'input'`), responses from ./responses.ts
 * (`io: 'output'`). Every error is the one problem shape (components.schemas.Problem).
 */
export type JsonSchema = Record<string, unknown>;
export interface RouteSchemas {
  body?: z.ZodType | undefined;
  query?: z.ZodType | undefined;
  params?: z.ZodType | undefined;
  headers?: z.ZodType | undefined;
}
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
  [k: string]: unknown;
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
  description?: string;
}
export interface Operation {
  operationId: string;
  summary?: string;
  tags: string[];
  security: Record<string, string[]>[];
  'x-scope'?: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}

const PROBLEM_REF = { $ref: '#/components/responses/Problem' };

/** Lengths of strings that zod bounds by their format (the schema-walk test counts them as bounded). */
const FORMAT_MAX: Record<string, number> = { uuid: 36, guid: 36, date: 10, 'date-time': 35, time: 18, email: 254, ipv4: 15, ipv6: 45, cuid: 32, ulid: 26 };

/** Every string gets a maxLength: an enum or constant by its longest value, a format by its longest form. */
export const boundStrings = (node: unknown): void => {
  if (Array.isArray(node)) return node.forEach(boundStrings);
  if (!node || typeof node !== 'object') return;
  const s = node as JsonSchema;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('string') && s.maxLength === undefined) {
    const values = Array.isArray(s.enum) ? s.enum : 'const' in s ? [s.const] : undefined;
    if (values) s.maxLength = Math.max(0, ...values.map((v) => String(v).length));
    else if (typeof s.format === 'string' && FORMAT_MAX[s.format]) s.maxLength = FORMAT_MAX[s.format];
  }
  for (const v of Object.values(s)) boundStrings(v);
};

/** A zod schema as JSON Schema (no `$schema`: the document's dialect is OpenAPI 3.1's). */
export const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    reused: 'inline',
    cycles: 'ref',
  }) as JsonSchema;
  boundStrings(rest);
  return rest;
};

/** The properties of an object schema (or of each option of a union), with what is required. */
const propertiesOf = (s: JsonSchema): { props: Record<string, JsonSchema>; required: Set<string> } => {
  if (s.properties) return { props: s.properties as Record<string, JsonSchema>, required: new Set((s.required as string[] | undefined) ?? []) };
  const options = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  const props: Record<string, JsonSchema> = {};
  // a union of shapes: each field is optional unless every option requires it
  const all = options?.map(propertiesOf) ?? [];
  for (const o of all) Object.assign(props, o.props);
  const required = new Set(Object.keys(props).filter((k) => all.length > 0 && all.every((o) => o.required.has(k))));
  return { props, required };
};

const PATH_PARAM_FALLBACK: JsonSchema = { type: 'string', maxLength: 200 };

const parametersOf = (route: RouteDef, s: RouteSchemas): Parameter[] => {
  const out: Parameter[] = [];
  const pathProps = s.params ? propertiesOf(jsonSchemaOf(s.params, 'input')).props : {};
  for (const [, name] of route.path.matchAll(/\{(\w+)\}/g))
    out.push({ name: name!, in: 'path', required: true, schema: pathProps[name!] ?? PATH_PARAM_FALLBACK });
  for (const [where, schema] of [
    ['query', s.query],
    ['header', s.headers],
  ] as const) {
    if (!schema) continue;
    const { props, required } = propertiesOf(jsonSchemaOf(schema, 'input'));
    for (const [name, p] of Object.entries(props)) {
      const { description, ...rest } = p;
      out.push({ name, in: where, required: required.has(name), schema: rest, ...(typeof description === 'string' ? { description } : {}) });
    }
  }
  return out;
};

const responsesOf = (spec: ResponseSpec | undefined): Record<string, unknown> => {
  // a route without a published shape: some success status with a JSON object
  const status = spec ? String(spec.status ?? 200) : '2XX';
  const ok = spec?.file
    ? {
        description: spec.description ?? '文件',
        content: Object.fromEntries(spec.file.map((t) => [t, { schema: { type: 'string', contentMediaType: t, maxLength: 200_000_000 } }])),
      }
    : {
        description: spec?.description ?? '成功',
        content: { 'application/json': { schema: spec?.schema ? jsonSchemaOf(spec.schema, 'output') : { type: 'object' } } },
      };
  return { [status]: ok, '4XX': PROBLEM_REF, '5XX': PROBLEM_REF };
};

/** One operation of the document, from its route, its schemas and its published response. */
export const operationOf = (route: RouteDef, s: RouteSchemas, spec?: ResponseSpec): Operation => {
  const op: Operation = {
    operationId: route.name,
    tags: [route.fn],
    security: route.access === 'public' ? [] : [{ bearer: [] }],
    ...(route.access === 'public' ? {} : { 'x-scope': route.access.scope }),
    parameters: parametersOf(route, s),
    responses: responsesOf(spec),
  };
  if (s.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchemaOf(s.body, 'input') } } };
  return op;
};

export const COMPONENTS = () => ({
  schemas: { Problem: jsonSchemaOf(problemSchema, 'output') },
  responses: {
    Problem: {
      description: '错误：统一的问题描述（RFC 9457），字段错误在 error.fields 中按字段路径列出',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    },
  },
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '工作人员登录（POST /api/auth/login）得到的会话令牌' } },
});

/** The whole document. `schemasOf` gives each route's handler schemas; `responseOf` its published response shape. */
export const buildOpenApi = (
  routes: readonly RouteDef[],
  schemasOf: (route: RouteDef) => RouteSchemas,
  responseOf: (route: RouteDef) => ResponseSpec | undefined,
  version = API_VERSION,
): OpenApiDocument => {
  const paths: OpenApiDocument['paths'] = {};
  for (const r of routes) (paths[r.path] ??= {})[r.method.toLowerCase()] = operationOf(r, schemasOf(r), responseOf(r));
  return {
    openapi: '3.1.0',
    info: { title: API_TITLE, version },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/' }],
    paths,
    components: COMPONENTS(),
  };
};
