import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../local/gateway.ts';
import { ROUTES } from '../../../shared/platform/routes.ts';

describe('local gateway routing', () => {
  it('prefers literal segments over parameters, as API Gateway does', () => {
    const m = matchRoute('GET', '/api/admin/items/export');
    expect(m).not.toBe('method-not-allowed');
    expect(m && typeof m === 'object' ? m.route.name : undefined).toBe('items-export');
  });

  it('extracts path parameters', () => {
    const m = matchRoute('GET', '/api/items/LS-01-001');
    expect(m && typeof m === 'object' ? m.params : undefined).toEqual({ code: 'LS-01-001' });
  });

  it('answers method-not-allowed and unknown paths', () => {
    expect(matchRoute('DELETE', '/api/health')).toBe('method-not-allowed');
    expect(matchRoute('GET', '/api/nothing-here')).toBeUndefined();
  });

  it('every route is reachable by its own method and path', () => {
    for (const r of ROUTES) {
      const path = r.path.replace(/\{\w+\}/g, 'x1');
      const m = matchRoute(r.method, path);
      expect(m && typeof m === 'object' ? m.route.name : m, `${r.method} ${r.path}`).toBe(r.name);
    }
  });
});
