import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../local/modules.ts';
import { SEED_YEARS } from '../../../shared/calendar/seed-years.ts';
import { addWorkdays, buildCalendar, missingYears, workdaysBetween } from '../../../shared/calendar/working-days.ts';
import { calendarDate, calendarMonth } from '../../../shared/schema/date.ts';
import { ValidationError } from '../../../shared/errors/domain-errors.ts';

const cal = buildCalendar(SEED_YEARS);

/**
 * Every loop over days, driven to the calendar's edge, in a child process with a kill deadline:
 * a loop that does not end fails this test instead of hanging the test run (it once spun for ever
 * on 9999-12-31, whose next day `toISOString()` writes as `+010000-…`).
 */
const LOOPS = `
import { addWorkdays, buildCalendar, dueDateWithSuspensions, missingYears, workdaysBetween } from './shared/calendar/working-days.ts';
import { workdaysBefore } from './shared/supervision/triggers.ts';
import { parseNoticeIcs, parseNoticeSheets } from './shared/calendar/notice-import.ts';
import { SEED_YEARS } from './shared/calendar/seed-years.ts';
const cal = buildCalendar(SEED_YEARS);
// a county admin could enter a year of nothing but holidays: the loops must still end
const allOff = buildCalendar([{ year: 2100, holidays: Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2100, 0, 1 + i)).toISOString().slice(0, 10)), makeupWorkdays: [], source: 't' }]);
const runs = {
  addWorkdays9999: () => addWorkdays('9999-12-31', 1, cal),
  addWorkdaysEnd: () => addWorkdays('2100-12-31', 1, cal),
  addWorkdaysAllOff: () => addWorkdays('2100-01-01', 1, allOff),
  workdaysBefore0001: () => workdaysBefore('2000-01-01', 5, cal),
  between: () => workdaysBetween('2026-01-01', '9999-12-31', cal),
  suspension: () => dueDateWithSuspensions('2026-01-05', 5, [{ from: '2026-01-06' }], cal, '9999-12-31'),
  missing: () => missingYears('0001-01-01', '9999-12-31', cal).length,
  ics: () => parseNoticeIcs('BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20270101\\nDTEND;VALUE=DATE:99991231\\nSUMMARY:元旦 休\\nEND:VEVENT\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20271345\\nSUMMARY:休\\nEND:VEVENT', 2027, 't').year.holidays.length,
  sheet: () => parseNoticeSheets([{ name: 's', rows: [{ row: 1, cells: ['日期', '结束日期', '类型'] }, { row: 2, cells: ['2027-01-01', '9999-12-31', '放假'] }] }], 2027, 't').year.holidays.length,
};
const out = {};
for (const [k, f] of Object.entries(runs)) {
  try { out[k] = { value: f() }; } catch (e) { out[k] = { error: e.constructor.name, fields: e.fields }; }
}
console.log(JSON.stringify(out));
`;

describe('loops over days end at the calendar years', () => {
  it('every loop answers at the edge: a refusal naming the field, or a bounded result', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', LOOPS], { cwd: ROOT, timeout: 20_000, encoding: 'utf8' });
    expect(r.signal, 'a loop over days did not end (killed at the deadline)').toBeNull();
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, { value?: unknown; error?: string; fields?: { path: string }[] }>;
    expect(out.addWorkdays9999).toEqual({ error: 'ValidationError', fields: [{ path: 'from', message: '日期须在 2000–2100 年之间' }] });
    expect(out.addWorkdaysEnd?.error).toBe('ValidationError');
    expect(out.addWorkdaysAllOff?.error).toBe('ValidationError');
    expect(out.workdaysBefore0001?.error).toBe('ValidationError');
    expect(out.between?.value).toBeGreaterThan(18_000); // counted up to 2100-12-31, no further
    expect(out.suspension?.error).toBe('ValidationError'); // 18,000 suspended working days push past 2100
    expect(out.missing?.value).toBe(101 - 2); // 2000…2100 less the two seeded years
    expect(out.ics?.value).toBe(365); // 2027 only; the impossible 2027-13-45 skipped
    expect(out.sheet?.value).toBe(365);
  }, 30_000);

  it('in process: addWorkdays refuses a start outside the years with a 400-kind error', () => {
    expect(() => addWorkdays('1999-12-31', 1, cal)).toThrow(ValidationError);
    expect(addWorkdays('2100-12-30', 1, cal).dueDate).toBe('2100-12-31');
    expect(workdaysBetween('2026-01-05', '2026-01-01', cal)).toBe(0);
    expect(missingYears('2026-01-01', '2026-12-31', cal)).toEqual([]);
  });
});

describe('the one date schema', () => {
  it.each(['9999-12-31', '0001-01-01', '1999-12-31', '2101-01-01', '2026-02-30', '2026-13-01', '+010000-01-01', '2026-1-1', ' 2026-01-01', '2026-01-01\u202e'])(
    'refuses %j',
    (d) => expect(calendarDate.safeParse(d).success).toBe(false),
  );
  it.each(['2000-01-01', '2026-02-28', '2100-12-31'])('accepts %s', (d) => expect(calendarDate.parse(d)).toBe(d));
  it('months too', () => {
    expect(calendarMonth.safeParse('9999-12').success).toBe(false);
    expect(calendarMonth.safeParse('2026-12').success).toBe(true);
  });
});
