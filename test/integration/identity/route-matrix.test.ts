import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { ROUTES, type RouteDef } from '../../../shared/platform/routes.ts';
import { DEFAULT_ROLE_SCOPES, type Role } from '../../../shared/platform/scopes.ts';
import { hasScope } from '../../../shared/identity/principal.ts';

/**
 * Every route × every role (and no token): 401 without a token on non-public routes, 403 when the
 * role lacks the route's scope, and the use case's own answer (never 401/403) when it has it.
 * Data-driven from ROUTES, so a new route is covered the day it is added.
 */
const USERS: Record<Role, string> = {
  county_admin: 'admin',
  window_clerk: 'clerk.lingshan',
  center_head: 'head.lingshan',
  village_agent: 'agent.demo',
  supervisor: 'supervisor',
};

const PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  code: 'LS-01-002',
  year: '2026',
  number: '411521-20261122-0042',
};
const pathOf = (r: RouteDef) => r.path.replace(/\{(\w+)\}/g, (_m, n: string) => PARAMS[n] ?? 'x');
const QUERY: Record<string, string> = { 'public-case-status': '?phone4=1234', 'calendar-due-date': '?from=2026-02-13&workdays=5' };

describe('route × role matrix', () => {
  let stack: TestStack;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    for (const [role, user] of Object.entries(USERS)) tokens.set(role as Role, await stack.login(user));
  });
  afterAll(() => stack.stop());

  const call = (r: RouteDef, token?: string) =>
    stack.fetch(`${pathOf(r)}${QUERY[r.name] ?? ''}`, {
      method: r.method,
      ...(token ? { token } : {}),
      ...(r.method === 'GET' ? {} : { json: {} }),
    });

  describe.each(ROUTES.map((r) => [r.name, r] as const))('%s', (_name, route) => {
    it('without a token', async () => {
      const res = await call(route);
      if (route.access === 'public') expect([401, 403]).not.toContain(res.status);
      else expect(res.status).toBe(401);
    });

    it.each(Object.keys(USERS) as Role[])('as %s', async (role) => {
      // logout ends the session it is called with: give it one of its own
      const token = route.name === 'auth-logout' ? await stack.login(USERS[role]) : tokens.get(role)!;
      const res = await call(route, token);
      const allowed = route.access === 'public' || hasScope({ scopes: [...DEFAULT_ROLE_SCOPES[role]] }, route.access.scope);
      if (allowed) expect([401, 403], `${route.name} as ${role}: ${res.status}`).not.toContain(res.status);
      else expect(res.status, `${route.name} as ${role}`).toBe(403);
      expect(res.status, 'never a 5xx').toBeLessThan(500);
    });
  });
});
