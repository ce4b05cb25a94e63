import { describe, expect, it } from 'vitest';
import { scheduleHandler, nowOverride, type ScheduleContext } from '../../../shared/schedule/handler.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';

const seen: ScheduleContext[] = [];
const h = scheduleHandler('overdue-scan', async (_e, ctx) => {
  seen.push(ctx);
  return { at: ctx.clock().toISOString() };
});
const scheduled = (detail: Record<string, unknown> = {}) => ({
  'detail-type': 'Scheduled Event' as const,
  source: 'aws.events' as const,
  time: '2026-11-20T02:00:00Z',
  detail,
});

describe('schedule handler factory', () => {
  it('runs on the system clock for an EventBridge event', async () => {
    const before = Date.now();
    await h(scheduled(), lambdaContext('overdue-scan'));
    const ctx = seen.at(-1)!;
    expect(ctx.asIf).toBeUndefined();
    expect(ctx.now.getTime()).toBeGreaterThanOrEqual(before);
    expect(ctx.now.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('runs "as if at" the instant in detail.now, and the clock moves on from there', async () => {
    const r = (await h(scheduled({ now: '2027-01-04T02:00:00+08:00' }), lambdaContext('overdue-scan'))) as { at: string };
    const ctx = seen.at(-1)!;
    expect(ctx.asIf).toBe('2027-01-03T18:00:00.000Z');
    expect(ctx.now.getTime() - Date.parse('2027-01-03T18:00:00Z')).toBeLessThan(1000);
    expect(Date.parse(r.at)).toBeGreaterThanOrEqual(ctx.now.getTime());
  });

  it('fails the run on a malformed override instead of acting at the wrong time', async () => {
    const n = seen.length;
    await expect(h(scheduled({ now: '2027-01-04' }), lambdaContext('overdue-scan'))).rejects.toThrow(/detail\.now/);
    await expect(h(scheduled({ now: 'tomorrow' }), lambdaContext('overdue-scan'))).rejects.toThrow(/detail\.now/);
    expect(seen.length).toBe(n);
  });

  it('accepts a bare hand-made event and refuses an unknown schedule name at load', () => {
    expect(nowOverride(undefined)).toBeUndefined();
    expect(nowOverride({ detail: { now: '2026-12-01T02:00:00Z' } })?.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(() => scheduleHandler('no-such-schedule', async () => undefined)).toThrow(/unknown schedule/);
  });
});
