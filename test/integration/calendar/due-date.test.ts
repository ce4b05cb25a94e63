import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';

describe('GET /api/calendar/due-date (public)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack.stop());

  it.each([
    ['2026-02-13', 5, '2026-02-27'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2026-09-30', 1, '2026-10-08'],
  ])('from %s + %i → %s', async (from, n, due) => {
    const res = await stack.fetch(`/api/calendar/due-date?from=${from}&workdays=${n}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ dueDate: due, provisional: false });
  });

  it('flags a year without data as provisional until the admin enters it', async () => {
    const before = (await (await stack.fetch('/api/calendar/due-date?from=2027-02-05&workdays=5')).json()) as any;
    expect(before.provisional).toBe(true);
    const token = await stack.login('admin');
    // a made-up arrangement for the test: 2027-02-08…02-12 off, Sunday 02-07 worked
    const year = {
      year: 2027,
      holidays: ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      makeupWorkdays: ['2027-02-07'],
      source: '测试数据',
    };
    const put = await stack.fetch('/api/calendar/years/2027', { method: 'PUT', json: year, token });
    expect(put.status).toBe(200);
    const after = (await (await stack.fetch('/api/calendar/due-date?from=2027-02-05&workdays=5')).json()) as any;
    // this process caches the calendar for a minute; the put cleared it
    expect(after).toEqual({ dueDate: '2027-02-18', provisional: false });
  });

  it('answers 400 naming the field', async () => {
    const res = await stack.fetch('/api/calendar/due-date?from=2026-13-01&workdays=x');
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.fields.map((f: any) => f.path).sort()).toEqual(['from', 'workdays']);
  });

  it.each(['9999-12-31', '0001-01-01', '2100-12-31'])('from=%s (no token) is refused with 400 on the field, and the platform still answers', async (from) => {
    // a deadline, not a measurement: the request once never answered (the day loop ran past year 9999)
    const res = await stack.fetch(`/api/calendar/due-date?from=${from}&workdays=1`, { signal: AbortSignal.timeout(1000) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; fields: { path: string; message: string }[] } };
    expect(body.error.fields).toEqual([{ path: 'from', message: '日期须在 2000–2100 年之间' }]);
    expect(body.error.message).toMatch(/日期须在/);
    expect((await stack.fetch('/api/health', { signal: AbortSignal.timeout(1000) })).status).toBe(200);
  });

  it('only the county admin may edit the calendar', async () => {
    const token = await stack.login('clerk.lingshan');
    const res = await stack.fetch('/api/calendar/years/2027', { method: 'PUT', json: {}, token });
    expect(res.status).toBe(403);
  });
});
