import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFunctionEntry } from '../../../infra/constructs/function-entries.ts';
import { dispatch } from '../../../shared/http/dispatch.ts';
import { ROUTES } from '../../../shared/platform/routes.ts';
import { HTTP_FUNCTIONS } from '../../../shared/platform/functions.ts';

describe('functions serving several routes', () => {
  it('every route is served by exactly one declared function, public routes by public-only functions', () => {
    const ids = new Set<string>(HTTP_FUNCTIONS.map((f) => f.id));
    for (const r of ROUTES) expect(ids.has(r.fn), r.name).toBe(true);
    for (const f of HTTP_FUNCTIONS) {
      const served = ROUTES.filter((r) => r.fn === f.id);
      expect(served.length, f.id).toBeGreaterThan(0);
      // a function never mixes public routes with staff routes: its grants would serve both
      expect(new Set(served.map((r) => r.access === 'public')).size, f.id).toBe(1);
    }
  });

  it('generates an entry that imports each route module of the function and nothing else', () => {
    const root = mkdtempSync(join(tmpdir(), 'entries-'));
    try {
      for (const f of HTTP_FUNCTIONS) {
        const served = ROUTES.filter((r) => r.fn === f.id);
        const src = readFileSync(writeFunctionEntry(root, f.id, served), 'utf8');
        for (const r of served) expect(src).toContain(`functions/http/${r.name}.ts'`);
        for (const r of served) expect(src).toContain(`'${r.method} ${r.path}': h`);
        expect(src.match(/^import \{ handler as/gm)?.length).toBe(served.length);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('dispatches by method and resource template; an unknown pair is a 404 with a Chinese message', async () => {
    const seen: string[] = [];
    const h = (name: string) => async () => (seen.push(name), { statusCode: 200, body: name });
    const fn = dispatch({ 'GET /api/cases/{id}': h('get'), 'POST /api/cases/{id}/start': h('start') });
    const ev = (httpMethod: string, resource: string) => ({ httpMethod, resource }) as never;
    expect((await fn(ev('POST', '/api/cases/{id}/start'), {} as never)).body).toBe('start');
    expect((await fn(ev('GET', '/api/cases/{id}'), {} as never)).body).toBe('get');
    const miss = await fn(ev('DELETE', '/api/cases/{id}'), {} as never);
    expect(miss.statusCode).toBe(404);
    expect(JSON.parse(miss.body).error.message).toBe('接口不存在');
    expect(seen).toEqual(['start', 'get']);
  });
});
