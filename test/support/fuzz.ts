import { createHash } from 'node:crypto';
import * as fc from 'fast-check';
import type * as z from 'zod';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ROUTES, type RouteDef } from '../../shared/platform/routes.ts';
import { TABLES } from '../../shared/platform/tables.ts';
import { loadHandler } from '../../local/modules.ts';

/**
 * A property-based fuzzer built from the route list and each handler's zod schemas: for every
 * route it derives a plausible request from the schemas, then breaks it one way at a time —
 * wrong types, oversized strings and arrays, missing and extra fields, prototype keys, invalid
 * JSON, hostile path parameters and query strings — and sends it with valid and invalid tokens.
 * What must hold: no answer ≥ 500, every answer within REQUEST_BUDGET_MS, /api/health answering
 * throughout, and no permanent record changed by a refused request.
 */
type Schemas = { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType };
interface ZDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodType;
}
const defOf = (s: z.ZodType | undefined): ZDef | undefined => (s as unknown as { _zod?: { def: ZDef } } | undefined)?._zod?.def;

/** A value of the schema's shape (not necessarily valid: refinements are not read). */
export const sampleOf = (s: z.ZodType | undefined, depth = 0): unknown => {
  const d = defOf(s);
  if (!d || depth > 6) return undefined;
  switch (d.type) {
    case 'object':
      return Object.fromEntries(Object.entries(d.shape ?? {}).map(([k, v]) => [k, sampleOf(v, depth + 1)]));
    case 'string':
      return 'x';
    case 'number':
    case 'int':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'literal':
      return d.values?.[0];
    case 'array':
      return [sampleOf(d.element, depth + 1)];
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'catch':
      return sampleOf(d.innerType, depth + 1);
    case 'union':
      return sampleOf(d.options?.[0], depth + 1);
    case 'pipe':
      return sampleOf(d.in, depth + 1);
    default:
      return 'x';
  }
};

/**
 * Boundary values: the calendar's edges and far past them (a day loop once spun on 9999-12-31),
 * numbers DynamoDB cannot store (1e-300 underflows, 1e308 overflows), very long strings, and the
 * control, zero-width and bidi characters that spoof how a name reads.
 */
export const BOUNDARY_VALUES: readonly unknown[] = [
  '0001-01-01',
  '9999-12-31',
  '0001-01',
  '9999-12',
  '+010000-01-01',
  '1999-12-31',
  '2101-01-01',
  1e-300,
  -1e-300,
  1e308,
  -1e308,
  5e-324,
  0.001,
  9999,
  1,
  'x'.repeat(1_000_000),
  '名'.repeat(100_000),
  'a\u0000b',
  '\u0007响铃',
  '\u001b[31m红',
  '张\u200b三',
  '\u202eexe.txt',
  '\u2066李四\u2069',
  '\ufeff王五',
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  '../../etc/passwd',
  '%00',
  '\u0000',
  'A'.repeat(70_000),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '{"$ne":null}',
  '𠮷'.repeat(5000),
  '-1',
  'NaN',
  '1e309',
  '2027-13-01',
  'null',
];
const wrongValues = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, [], {}, ...HOSTILE_STRINGS),
    fc.constantFrom<unknown>(...BOUNDARY_VALUES),
    fc.anything({ maxDepth: 3 }),
    fc.array(fc.string(), { minLength: 5_000, maxLength: 5_000 }),
    fc.string({ minLength: 0, maxLength: 40 }),
  );

/** Every path of leaves in a sample, to break one at a time. */
const paths = (v: unknown, prefix: string[] = []): string[][] => {
  if (v && typeof v === 'object' && !Array.isArray(v)) return [prefix, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...prefix, k]))];
  if (Array.isArray(v)) return [prefix, ...v.flatMap((x, i) => paths(x, [...prefix, String(i)]))];
  return [prefix];
};
const setAt = (root: unknown, path: string[], value: unknown): unknown => {
  if (!path.length) return value;
  const copy = structuredClone(root) as Record<string, unknown>;
  let cur: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) cur = (cur[k] ?? {}) as Record<string, unknown>;
  cur[path.at(-1)!] = value;
  return copy;
};

export interface FuzzRequest {
  route: RouteDef;
  method: string;
  path: string;
  body?: string;
  token: 'valid' | 'none' | 'garbage';
}

const fillPath = (route: RouteDef, params: Record<string, unknown>): string =>
  route.path.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(String(params[n] ?? 'x')));

/** The boundary sweep of every route, then `count` requests spread over every route, reproducible from `seed`. */
export const fuzzRequests = async (count: number, seed: number): Promise<FuzzRequest[]> => {
  const perRoute = Math.ceil(count / ROUTES.length);
  const out: FuzzRequest[] = [];
  const sweep: FuzzRequest[] = [];
  let s = seed;
  for (const route of ROUTES as readonly RouteDef[]) {
    const h = (await loadHandler('http', route.name)) as unknown as { schemas?: Schemas };
    const schemas = h.schemas ?? {};
    const body = sampleOf(schemas.body);
    const params = (sampleOf(schemas.params) ?? {}) as Record<string, unknown>;
    const query = (sampleOf(schemas.query) ?? {}) as Record<string, unknown>;
    const bodyPaths = body === undefined ? [[]] : paths(body);
    const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    sweep.push(...boundarySweep(route, schemas, body, params, query));
    const cases = fc.sample(
      fc.record({
        kind: fc.constantFrom('body-field', 'body-field', 'body-whole', 'bad-json', 'param', 'query', 'query-field', 'extra-keys'),
        at: fc.nat(),
        value: wrongValues(),
        token: fc.constantFrom<'valid' | 'none' | 'garbage'>('valid', 'valid', 'valid', 'none', 'garbage'),
        key: fc.string({ maxLength: 20 }),
      }),
      { numRuns: perRoute, seed: s++ },
    );
    for (const c of cases) {
      let b: unknown = body;
      let raw: string | undefined;
      let p = { ...params };
      let q: Record<string, unknown> = { ...query };
      if (c.kind === 'body-field') b = setAt(body ?? {}, bodyPaths[c.at % bodyPaths.length]!, c.value);
      else if (c.kind === 'body-whole') b = c.value;
      else if (c.kind === 'bad-json') raw = `{"${c.key}": ${String(c.value).slice(0, 50)}`;
      else if (c.kind === 'param' && paramNames.length)
        p = {
          ...p,
          [paramNames[c.at % paramNames.length]!]:
            typeof c.value === 'string' ? c.value.slice(0, 2000) || 'x' : (JSON.stringify(c.value)?.slice(0, 2000) ?? 'x'),
        };
      else if (c.kind === 'query') q = { ...q, [c.key || 'q']: typeof c.value === 'string' ? c.value : JSON.stringify(c.value) };
      else if (c.kind === 'query-field') {
        // a field the route reads (from, workdays, month…) given a wrong or boundary value
        const names = Object.keys(query);
        const name = names.length ? names[c.at % names.length]! : c.key || 'q';
        q = { ...q, [name]: typeof c.value === 'string' ? c.value : JSON.stringify(c.value) };
      } else if (c.kind === 'extra-keys')
        b = { ...(typeof body === 'object' && body ? body : {}), __proto__: { admin: true }, constructor: { prototype: { x: 1 } }, [c.key]: c.value };
      const qs = new URLSearchParams(
        Object.entries(q)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 4000) : (JSON.stringify(v) ?? '')]),
      ).toString();
      const sendsBody = route.method !== 'GET';
      out.push({
        route,
        method: route.method,
        path: `${fillPath(route, p)}${qs ? `?${qs}` : ''}`,
        ...(sendsBody ? { body: raw ?? JSON.stringify(b) ?? 'null' } : {}),
        token: takesNoInput(route, schemas) && c.token === 'valid' ? 'garbage' : c.token,
      });
    }
  }
  // round-robin over routes, so any prefix of the list covers every route
  const byRoute = new Map<string, FuzzRequest[]>();
  for (const r of out) byRoute.set(r.route.name, [...(byRoute.get(r.route.name) ?? []), r]);
  const mixed: FuzzRequest[] = [];
  for (let i = 0; mixed.length < out.length; i++) for (const list of byRoute.values()) if (list[i]) mixed.push(list[i]!);
  return [...sweep, ...mixed.slice(0, count)];
};

const leaves = (v: unknown, test: (x: unknown) => boolean): string[][] =>
  paths(v).filter((p) => p.length > 0 && test(p.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], v)));

/**
 * The boundary sweep, the same on every run, before the random share: every query field of a route
 * set to the calendar's far edges (0001-01-01, 9999-12-31: the day loop that once spun), every number
 * in a body to 1e-300 and 1e308 (what DynamoDB cannot store), every string in a body to a very long
 * one and to one with control and bidi characters; with a valid token, so validation is what answers.
 */
const boundarySweep = (route: RouteDef, schemas: Schemas, body: unknown, params: Record<string, unknown>, query: Record<string, unknown>): FuzzRequest[] => {
  const token = takesNoInput(route, schemas) ? ('garbage' as const) : ('valid' as const);
  const request = (q: Record<string, unknown>, b: unknown): FuzzRequest => {
    const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
    return {
      route,
      method: route.method,
      path: `${fillPath(route, params)}${qs ? `?${qs}` : ''}`,
      ...(route.method !== 'GET' ? { body: JSON.stringify(b ?? {}) } : {}),
      token,
    };
  };
  const out: FuzzRequest[] = [];
  for (const name of Object.keys(query)) for (const day of ['0001-01-01', '9999-12-31']) out.push(request({ ...query, [name]: day }, body));
  if (body !== undefined && route.method !== 'GET') {
    for (const at of leaves(body, (x) => typeof x === 'number')) for (const n of [1e-300, 1e308]) out.push(request(query, setAt(body, at, n)));
    const strings = leaves(body, (x) => typeof x === 'string');
    for (const text of ['x'.repeat(1_000_000), '张\u200b三\u202e\u0000\u0007'])
      if (strings.length)
        out.push(
          request(
            query,
            strings.reduce<unknown>((b, at) => setAt(b, at, text), body),
          ),
        );
  }
  return out;
};

/**
 * Permanent records of every table, hashed. Items with an expiry (sessions, rate counters, idempotency
 * records, audit events — refused logins are audited by design) are not "records changed by a 4xx".
 */
/**
 * Sign-in attempt counters on a user record: a refused password (401/423) must count — that is the
 * lockout — so they are the one permanent change a refusal makes, and are left out of the comparison.
 */
const ATTEMPT_COUNTERS = new Set(['failedLogins', 'lockedUntil', 'attemptGen']);

export const tableFingerprint = async (env: Record<string, string>): Promise<Record<string, { count: number; hash: string }>> => {
  const ddb = new DynamoDBClient({
    endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
    region: env.AWS_REGION ?? 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const out: Record<string, { count: number; hash: string }> = {};
  for (const t of TABLES) {
    const items: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await ddb.send(new ScanCommand({ TableName: env[t.envVar], ExclusiveStartKey: start as never }));
      for (const i of r.Items ?? [])
        if (!i.expiresAt)
          items.push(
            JSON.stringify(
              Object.entries(i)
                .filter(([k]) => !ATTEMPT_COUNTERS.has(k))
                .sort(([a], [b]) => a.localeCompare(b)),
            ),
          );
      start = r.LastEvaluatedKey;
    } while (start);
    items.sort();
    out[t.id] = { count: items.length, hash: createHash('sha256').update(items.join('\n')).digest('hex').slice(0, 16) };
  }
  ddb.destroy();
  return out;
};

/**
 * Writes that take no input at all (logout, TOTP enrolment): nothing to malform, and with a valid
 * token they succeed by design; they are fuzzed with missing and forged tokens only.
 */
const takesNoInput = (route: RouteDef, s: Schemas): boolean => route.method !== 'GET' && !s.body && !s.query && !s.params;

/**
 * Every request has this long to answer; an answer later than that (or none) fails the run.
 * `npm run fuzz` holds every answer to 2 s (FUZZ_BUDGET_MS=2000). The share `npm test` runs beside
 * every other test file allows 10 s: there a password check's scrypt (32 MiB, measured at 1.3 s
 * alone on a busy shared machine, 5 s with four side by side) passes 2 s with nothing wrong, while
 * a request that never answers fails either way.
 */
export const REQUEST_BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 10_000);
/** What `send` reports for a request that did not answer within the budget. */
export const TIMED_OUT = 0;

export interface FuzzReport {
  requests: number;
  routes: number;
  byStatus: Record<string, number>;
  serverErrors: Array<{ route: string; status: number; path: string; body?: string }>;
  /** Requests that took longer than REQUEST_BUDGET_MS, or never answered (status TIMED_OUT). */
  slow: Array<{ route: string; status: number; ms: number; path: string }>;
  /** Writes that succeeded (2xx on a non-GET route): malformed input that was accepted. */
  accepted: Array<{ route: string; status: number; path: string; body?: string }>;
  changedBy4xx: string[];
}

/** Sends the requests (a few at a time) and tallies the answers. */
export const runFuzz = async (
  reqs: readonly FuzzRequest[],
  send: (r: FuzzRequest) => Promise<number>,
  concurrency = 8,
): Promise<Omit<FuzzReport, 'changedBy4xx'>> => {
  const byStatus: Record<string, number> = {};
  const serverErrors: FuzzReport['serverErrors'] = [];
  const accepted: FuzzReport['accepted'] = [];
  const slow: FuzzReport['slow'] = [];
  let next = 0;
  const worker = async () => {
    while (next < reqs.length) {
      const r = reqs[next++]!;
      const started = performance.now();
      const status = await send(r);
      const ms = Math.round(performance.now() - started);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      const seen = { route: r.route.name, status, path: r.path.slice(0, 200), ...(r.body ? { body: r.body.slice(0, 200) } : {}) };
      if (status === TIMED_OUT || ms > REQUEST_BUDGET_MS) slow.push({ route: r.route.name, status, ms, path: r.path.slice(0, 200) });
      else if (status >= 500) serverErrors.push(seen);
      else if (status < 300 && r.method !== 'GET') accepted.push(seen);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { requests: reqs.length, routes: new Set(reqs.map((r) => r.route.name)).size, byStatus, serverErrors, accepted, slow };
};

/**
 * Probes `probe` (the platform's /api/health) every `everyMs` while the run lasts. A probe that does
 * not answer 200 within the budget is a miss; two misses in a row are a stall — a platform that
 * stopped answering, what one spinning request did to every other request of its process (one miss
 * alone can be a busy machine). `stop()` ends it and returns the misses and the stalls.
 */
export const watchdog = (probe: (signal: AbortSignal) => Promise<number>, everyMs = 1_000) => {
  const misses: Array<{ at: string; status: number | string }> = [];
  const stalls: Array<{ from: string; probes: number }> = [];
  let run: { from: string; probes: number } | undefined;
  let probes = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      probes++;
      const at = new Date().toISOString();
      let status: number | string;
      try {
        status = await probe(AbortSignal.timeout(REQUEST_BUDGET_MS));
      } catch (e) {
        status = (e as Error).name === 'TimeoutError' ? 'no answer within the budget' : String(e);
      }
      if (status === 200) run = undefined;
      else {
        misses.push({ at, status });
        run = run ? { ...run, probes: run.probes + 1 } : { from: at, probes: 1 };
        if (run.probes === 2) stalls.push(run);
        else if (run.probes > 2) stalls[stalls.length - 1] = run;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { probes, misses, stalls };
    },
  };
};
