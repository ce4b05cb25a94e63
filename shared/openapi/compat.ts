import type { JsonSchema, OpenApiDocument, Operation, Parameter } from './document.ts';

/**
 * What a new OpenAPI document breaks for a client of the published one: a small, direction-aware
 * diff of the JSON Schemas. A request must still be accepted as published (nothing newly required,
 * no type, enum, length, range or pattern narrowed); a response must still carry what was
 * published (no property removed or made optional, no new type). Additions pass: new paths,
 * methods, optional request fields, response properties and enum values (clients tolerate unknown
 * values). `unionOf` options are matched by type.
 */
type Dir = 'request' | 'response';

export const majorOf = (version: string): number => Number(/^(\d+)/.exec(version)?.[1] ?? 0);

export const breakingChanges = (published: OpenApiDocument, current: OpenApiDocument): string[] => {
  const out: string[] = [];
  const resolveIn = (doc: OpenApiDocument) => {
    const go = (s: unknown, depth = 0): JsonSchema => {
      const x = (s ?? {}) as JsonSchema;
      const ref = x.$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#/') || depth > 20) return x;
      let at: unknown = doc;
      for (const part of ref.slice(2).split('/')) at = (at as Record<string, unknown> | undefined)?.[part];
      return go(at, depth + 1);
    };
    return go;
  };
  const pubR = resolveIn(published);
  const curR = resolveIn(current);

  for (const [path, methods] of Object.entries(published.paths)) {
    for (const [method, pubOp] of Object.entries(methods)) {
      const at = `${method.toUpperCase()} ${path}`;
      const curOp = current.paths[path]?.[method];
      if (!curOp) {
        out.push(`${at}: 接口被删除`);
        continue;
      }
      compareParameters(pubOp, curOp, at, out, pubR, curR);
      compareBodies(pubOp, curOp, at, out, pubR, curR);
      compareResponses(pubOp, curOp, at, out, pubR, curR);
    }
  }
  return out;
};

type Resolve = (s: unknown) => JsonSchema;

const compareParameters = (a: Operation, b: Operation, at: string, out: string[], ra: Resolve, rb: Resolve) => {
  const key = (p: Parameter) => `${p.in} ${p.name}`;
  const pub = new Map((a.parameters ?? []).map((p) => [key(p), p]));
  const cur = new Map((b.parameters ?? []).map((p) => [key(p), p]));
  for (const [k, p] of cur) if (p.required && !pub.get(k)?.required) out.push(`${at}: 新增必填参数 ${k}`);
  for (const [k, p] of pub) {
    const q = cur.get(k);
    if (!q) out.push(`${at}: 参数 ${k} 被删除`);
    else compareSchemas(ra(p.schema), rb(q.schema), 'request', `${at} 参数 ${k}`, out, ra, rb);
  }
};

const compareBodies = (a: Operation, b: Operation, at: string, out: string[], ra: Resolve, rb: Resolve) => {
  if (!a.requestBody) {
    if (b.requestBody?.required) out.push(`${at}: 新增必填请求体`);
    return;
  }
  for (const [type, media] of Object.entries(a.requestBody.content)) {
    const cur = b.requestBody?.content[type];
    if (!cur) out.push(`${at}: 请求体类型 ${type} 不再接受`);
    else compareSchemas(ra(media.schema), rb(cur.schema), 'request', `${at} 请求体`, out, ra, rb);
  }
};

type Media = { content?: Record<string, { schema?: unknown }> };
const compareResponses = (a: Operation, b: Operation, at: string, out: string[], ra: Resolve, rb: Resolve) => {
  for (const [status, raw] of Object.entries(a.responses)) {
    // a 2XX that became an exact success status (or the other way) is the same answer
    const curKey = status in b.responses ? status : status.startsWith('2') ? Object.keys(b.responses).find((k) => k.startsWith('2')) : undefined;
    if (!curKey) {
      out.push(`${at}: 响应 ${status} 被删除`);
      continue;
    }
    const pub = ra(raw) as Media;
    const cur = rb(b.responses[curKey]) as Media;
    for (const [type, media] of Object.entries(pub.content ?? {})) {
      const c = cur.content?.[type];
      if (!c) out.push(`${at}: 响应 ${status} 不再返回 ${type}`);
      else compareSchemas(ra(media.schema), rb(c.schema), 'response', `${at} 响应 ${status}`, out, ra, rb);
    }
  }
};

const optionsOf = (s: JsonSchema): JsonSchema[] => (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : [s]) as JsonSchema[];

/** The kind of a schema for matching union options: its type, or 'any' when it says nothing. */
const kindsOf = (s: JsonSchema): string[] => {
  if (Array.isArray(s.type)) return (s.type as string[]).map((t) => (t === 'integer' ? 'number' : t));
  if (typeof s.type === 'string') return [s.type === 'integer' ? 'number' : s.type];
  if (s.properties) return ['object'];
  if (s.items) return ['array'];
  if ('const' in s) return [typeof s.const === 'object' && s.const === null ? 'null' : typeof s.const];
  if (Array.isArray(s.enum)) return [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))];
  return ['any'];
};
const accepts = (wide: JsonSchema, narrow: JsonSchema): boolean => {
  const w = kindsOf(wide);
  return w.includes('any') || kindsOf(narrow).every((k) => w.includes(k));
};

/** `a` published, `b` current. */
export const compareSchemas = (
  a: JsonSchema,
  b: JsonSchema,
  dir: Dir,
  at: string,
  out: string[],
  ra: Resolve = (s) => s as JsonSchema,
  rb: Resolve = ra,
): void => {
  const as = optionsOf(ra(a)).map(ra);
  const bs = optionsOf(rb(b)).map(rb);
  if (as.length > 1 || bs.length > 1) {
    // request: every published option still accepted by a current one; response: every current option published
    const [from, to] = dir === 'request' ? [as, bs] : [bs, as];
    for (const x of from) {
      // the option it corresponds to is the one that differs least (a discriminated union's twin)
      const tries = to
        .filter((y) => accepts(y, x))
        .map((y) => {
          const found: string[] = [];
          if (dir === 'request') compareOne(x, y, dir, at, found, ra, rb);
          else compareOne(y, x, dir, at, found, ra, rb);
          return found;
        })
        .sort((p, q) => p.length - q.length);
      if (!tries[0]) out.push(`${at}: ${dir === 'request' ? '不再接受' : '可能返回新的类型'} ${kindsOf(x).join('|')}`);
      else out.push(...tries[0]);
    }
    return;
  }
  compareOne(as[0]!, bs[0]!, dir, at, out, ra, rb);
};

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

const compareOne = (a: JsonSchema, b: JsonSchema, dir: Dir, at: string, out: string[], ra: Resolve, rb: Resolve): void => {
  const ka = kindsOf(a);
  const kb = kindsOf(b);
  if (dir === 'request' ? !accepts(b, a) : !accepts(a, b)) {
    out.push(`${at}: 类型由 ${ka.join('|')} 改为 ${kb.join('|')}`);
    return;
  }
  if (dir === 'request') {
    if (a.type === 'number' && b.type === 'integer') out.push(`${at}: 类型由 number 收窄为 integer`);
    const enumA = Array.isArray(a.enum) ? a.enum : 'const' in a ? [a.const] : undefined;
    const enumB = Array.isArray(b.enum) ? b.enum : 'const' in b ? [b.const] : undefined;
    if (enumB && (!enumA || enumA.some((v) => !enumB.includes(v))))
      out.push(`${at}: 取值范围收窄（${(enumA ?? ['任意']).filter((v) => !enumB.includes(v)).join('、')} 不再接受）`);
    const narrower = (key: string, lower: boolean) => {
      const x = num(a[key]);
      const y = num(b[key]);
      if (y !== undefined && (x === undefined || (lower ? y < x : y > x))) out.push(`${at}: ${key} 由 ${x ?? '无'} 改为 ${y}`);
    };
    narrower('maxLength', true);
    narrower('maximum', true);
    narrower('exclusiveMaximum', true);
    narrower('maxItems', true);
    narrower('minLength', false);
    narrower('minimum', false);
    narrower('exclusiveMinimum', false);
    narrower('minItems', false);
    if (b.pattern !== undefined && b.pattern !== a.pattern) out.push(`${at}: 格式（pattern）改变`);
    if (b.format !== undefined && b.format !== a.format) out.push(`${at}: 格式由 ${String(a.format ?? '无')} 改为 ${String(b.format)}`);
  } else if (a.type === 'integer' && b.type === 'number') out.push(`${at}: 类型由 integer 放宽为 number`);

  const pa = (a.properties ?? {}) as Record<string, JsonSchema>;
  const pb = (b.properties ?? {}) as Record<string, JsonSchema>;
  const reqA = new Set((a.required as string[] | undefined) ?? []);
  const reqB = new Set((b.required as string[] | undefined) ?? []);
  if (dir === 'request') {
    for (const k of reqB) if (!reqA.has(k)) out.push(`${at}: 新增必填字段 ${k}`);
    if (b.additionalProperties === false) for (const k of Object.keys(pa)) if (!(k in pb)) out.push(`${at}: 字段 ${k} 不再接受`);
  } else {
    for (const k of Object.keys(pa)) if (!(k in pb)) out.push(`${at}: 字段 ${k} 被删除`);
    for (const k of reqA) if (k in pb && !reqB.has(k)) out.push(`${at}: 字段 ${k} 由必有改为可选`);
  }
  for (const [k, s] of Object.entries(pa)) if (pb[k]) compareSchemas(s, pb[k], dir, `${at}.${k}`, out, ra, rb);
  if (a.items && b.items) compareSchemas(a.items as JsonSchema, b.items as JsonSchema, dir, `${at}[]`, out, ra, rb);
  if (a.additionalProperties && b.additionalProperties && typeof a.additionalProperties === 'object' && typeof b.additionalProperties === 'object')
    compareSchemas(a.additionalProperties as JsonSchema, b.additionalProperties as JsonSchema, dir, `${at}{}`, out, ra, rb);
};

/** The verdict for CI: breaking changes are allowed only with a higher major version. */
export const checkAgainstPublished = (published: OpenApiDocument, current: OpenApiDocument): { breaking: string[]; allowed: boolean } => {
  const breaking = breakingChanges(published, current);
  return { breaking, allowed: breaking.length === 0 || majorOf(current.info.version) > majorOf(published.info.version) };
};
