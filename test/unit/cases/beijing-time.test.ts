import { describe, expect, it } from 'vitest';
import {
  bjDate,
  bjDateLong,
  bjDateTime,
  bjDateTimeSeconds,
  bjDay,
  bjEndOfDay,
  bjHourMinute,
  bjMonth,
  bjStartOfDay,
  bjYear,
} from '../../../shared/platform/beijing-time.ts';

describe('Beijing time', () => {
  it('shows a UTC instant after 16:00 as the next day in Beijing', () => {
    expect(bjDateTime('2026-12-31T16:05:09.000Z')).toBe('2027-01-01 00:05');
    expect(bjDateTimeSeconds('2026-12-31T16:05:09.000Z')).toBe('2027-01-01 00:05:09');
    expect(bjDate('2026-12-31T16:05:09.000Z')).toBe('2027-01-01');
    expect(bjDateLong('2026-12-31T16:05:09.000Z')).toBe('2027年1月1日');
    expect(bjYear(new Date('2026-12-31T16:05:09.000Z'))).toBe(2027);
  });
  it('keeps a plain calendar date as it is, and shows a dash for nothing or garbage', () => {
    expect(bjDate('2026-11-23')).toBe('2026-11-23');
    expect(bjDateTime('2026-11-23')).toBe('2026-11-23');
    expect(bjDateLong('2026-11-23')).toBe('2026年11月23日');
    expect(bjDateTime(undefined)).toBe('—');
    expect(bjDateTime('not a date')).toBe('—');
  });
});

describe('Beijing days as instants', () => {
  it('starts and ends a Beijing day eight hours before the UTC day of the same date', () => {
    expect(bjStartOfDay('2027-01-01')).toBe('2026-12-31T16:00:00.000Z');
    expect(bjEndOfDay('2027-01-01')).toBe('2027-01-01T15:59:59.999Z');
    expect(bjDay(new Date(bjStartOfDay('2027-01-01')))).toBe('2027-01-01');
    expect(bjDay(new Date(bjEndOfDay('2027-01-01')))).toBe('2027-01-01');
    expect(bjMonth(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
    expect(bjHourMinute('2026-11-30T06:05:00.000Z')).toBe('14:05');
  });
});
