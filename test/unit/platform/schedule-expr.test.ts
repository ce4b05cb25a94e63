import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../local/schedule-expr.ts';
import { SCHEDULES } from '../../../shared/platform/schedules.ts';

describe('EventBridge schedule expressions', () => {
  it('parses rates', () => {
    expect(parseSchedule('rate(15 minutes)')).toEqual({ kind: 'rate', everyMs: 900_000 });
    expect(parseSchedule('rate(1 hour)')).toEqual({ kind: 'rate', everyMs: 3_600_000 });
  });

  it('matches cron in UTC with day-of-week 1=SUN', () => {
    const s = parseSchedule('cron(30 0 ? * MON-FRI *)');
    if (s.kind !== 'cron') throw new Error('expected cron');
    expect(s.matches(new Date('2026-11-23T00:30:00Z'))).toBe(true); // Monday
    expect(s.matches(new Date('2026-11-22T00:30:00Z'))).toBe(false); // Sunday
    expect(s.matches(new Date('2026-11-23T00:31:00Z'))).toBe(false);
  });

  it('supports steps and lists', () => {
    const s = parseSchedule('cron(0/20 8,20 * * ? *)');
    if (s.kind !== 'cron') throw new Error('expected cron');
    expect(s.matches(new Date('2026-01-01T08:40:00Z'))).toBe(true);
    expect(s.matches(new Date('2026-01-01T20:00:00Z'))).toBe(true);
    expect(s.matches(new Date('2026-01-01T09:00:00Z'))).toBe(false);
  });

  it('every shared schedule definition parses', () => {
    for (const d of SCHEDULES) expect(() => parseSchedule(d.expression)).not.toThrow();
  });

  it('refuses what EventBridge would refuse', () => {
    expect(() => parseSchedule('every 5 minutes')).toThrow();
    expect(() => parseSchedule('cron(61 * * * ? *)')).toThrow();
  });
});
