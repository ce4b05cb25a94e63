import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, cspWithConnect } from '../../../shared/platform/security-headers.ts';

/** The local platform as the county's own web server serves it: the one header set on every path; the gateway's edges. */
describe('security headers and the gateway’s edges', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  // a page the gateway serves may also send to the local S3 emulator (the materials' presigned PUT): nothing else
  const localCsp = cspWithConnect([inject('emulators').fauxqs]);
  const hasSet = (res: Response) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (k !== 'content-security-policy') expect(res.headers.get(k), k).toBe(v);
    expect([CONTENT_SECURITY_POLICY, localCsp]).toContain(res.headers.get('content-security-policy'));
  };

  it.each(['/', '/status/411521-20261122-0042', '/assets/none.js', '/api/health', '/api/nope', '/api/calendar/due-date?from=x&workdays=1'])(
    '%s carries the set',
    async (path) => {
      const res = await stack.fetch(path);
      await res.arrayBuffer();
      hasSet(res);
      if (path.startsWith('/api/')) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
    },
  );

  it('a staff answer is never kept (no-store), nosniff even when the handler sets its own headers', async () => {
    const res = await stack.fetch('/api/calendar/due-date?from=2026-11-02&workdays=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // the one public answer the same for everyone may be cached a few minutes
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const login = await stack.fetch('/api/auth/login', { method: 'POST', json: { username: 'nobody', password: 'x' } });
    expect(login.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 413 to a body over 10 MB (not a reset connection)', async () => {
    const res = await stack.fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/10 MB/);
  });

  it('answers 400 to a malformed percent-escape, in an API path and a page path', async () => {
    const api = await stack.fetch('/api/public/cases/%E0%A4%A');
    expect(api.status).toBe(400);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    const page = await stack.fetch('/status/%E0%A4%A');
    expect(page.status).toBe(400);
    hasSet(page);
  });
});
